import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'

export type Labels = Record<string, { ru: string; en: string }>

export type ReferenceLabels = {
  countries: Labels
  sectors: Labels
  regions: Record<string, { ru: string; en: string; district: string }>
  districts: Labels
}

/** Small reference tables, read per request (they are admin-editable, so never cached in the process). */
export async function loadReferenceLabels(
  db: Kysely<Database>,
  parts: { regions?: boolean } = {},
): Promise<ReferenceLabels> {
  const [countries, sectors, regions, districts] = await Promise.all([
    db.selectFrom('countries').select(['code', 'name_ru', 'name_en']).execute(),
    db.selectFrom('sectors').select(['code', 'short_ru', 'short_en']).orderBy('position').execute(),
    parts.regions
      ? db.selectFrom('russian_regions').select(['code', 'name_ru', 'name_en', 'district_code']).execute()
      : Promise.resolve([]),
    parts.regions
      ? db
          .selectFrom('federal_districts')
          .select(['code', 'name_ru', 'name_en'])
          .orderBy('position')
          .execute()
      : Promise.resolve([]),
  ])
  return {
    countries: Object.fromEntries(countries.map((c) => [c.code, { ru: c.name_ru, en: c.name_en }])),
    sectors: Object.fromEntries(sectors.map((s) => [s.code, { ru: s.short_ru, en: s.short_en }])),
    regions: Object.fromEntries(
      regions.map((r) => [r.code, { ru: r.name_ru, en: r.name_en, district: r.district_code }]),
    ),
    districts: Object.fromEntries(districts.map((d) => [d.code, { ru: d.name_ru, en: d.name_en }])),
  }
}
