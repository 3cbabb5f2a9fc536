import type { Kysely } from 'kysely'
import { regionCountries } from '../reference/countries'
import { federalDistricts, russianRegions } from '../reference/russian-regions'
import { sectors } from '../reference/sectors'

/**
 * Loads the reference lists as they were when this migration was written.
 * Later edits to db/reference/ need a migration of their own: this one never runs twice.
 */
export async function up(db: Kysely<any>) {
  await db
    .insertInto('countries')
    .values(
      regionCountries.map((c) => ({ code: c.code, name_ru: c.nameRu, name_en: c.nameEn, in_region: true })),
    )
    .execute()
  await db
    .insertInto('sectors')
    .values(
      sectors.map((s, position) => ({
        code: s.code,
        name_ru: s.nameRu,
        name_en: s.nameEn,
        short_ru: s.shortRu,
        short_en: s.shortEn,
        position,
      })),
    )
    .execute()
  await db
    .insertInto('federal_districts')
    .values(
      federalDistricts.map((d, position) => ({
        code: d.code,
        name_ru: d.nameRu,
        name_en: d.nameEn,
        position,
      })),
    )
    .execute()
  await db
    .insertInto('russian_regions')
    .values(
      russianRegions.map((r) => ({
        code: r.code,
        name_ru: r.nameRu,
        name_en: r.nameEn,
        district_code: r.district,
      })),
    )
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
