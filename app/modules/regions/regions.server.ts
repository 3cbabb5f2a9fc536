import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { Locale } from '~/modules/i18n/locales'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import type { Audience } from '~/modules/search/engine'
import { parseSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'

export type RegionEntry = { code: string; ru: string; en: string; count: number }
export type DistrictGroup = { code: string; ru: string; en: string; total: number; regions: RegionEntry[] }
export type RegionDirectory = { featured: RegionEntry[]; districts: DistrictGroup[] }

/**
 * The resolution names Moscow and St Petersburg, and the Siberian and Far Eastern districts, as the
 * regions to build ties first: they lead the page, the other districts follow in their usual order.
 */
export const FEATURED_REGIONS = ['RU-MOW', 'RU-SPE'] as const
export const LEADING_DISTRICTS = ['SibFD', 'FEFD'] as const

/**
 * Every federal subject with the number of listings that seek cooperation with it, counted by the
 * same search the region page runs (so the number on the link is the number on the page).
 */
export async function regionDirectory(
  db: Kysely<Database>,
  labels: ReferenceLabels,
  options: { locale: Locale; audience: Audience },
): Promise<RegionDirectory> {
  const parsed = parseSearchParams(new URLSearchParams())
  if (!parsed.ok) throw new Error('The empty search must parse')
  const result = await searchBusinesses(db, { ...parsed.value, perPage: 1, ...options })
  const counts = result.facets.region
  const entry = (code: string): RegionEntry => {
    const label = labels.regions[code]
    return { code, ru: label?.ru ?? code, en: label?.en ?? code, count: counts[code] ?? 0 }
  }
  const byName = (a: RegionEntry, b: RegionEntry) =>
    a[options.locale].localeCompare(b[options.locale], options.locale)
  const districtCodes = Object.keys(labels.districts)
  const ordered = [
    ...LEADING_DISTRICTS.filter((d) => districtCodes.includes(d)),
    ...districtCodes.filter((d) => !(LEADING_DISTRICTS as readonly string[]).includes(d)),
  ]
  const districts = ordered.map((code): DistrictGroup => {
    const regions = Object.entries(labels.regions)
      .filter(([, region]) => region.district === code)
      .map(([regionCode]) => entry(regionCode))
      .sort(byName)
    const label = labels.districts[code] ?? { ru: code, en: code }
    return { code, ...label, total: result.facets.district[code] ?? 0, regions }
  })
  return { featured: FEATURED_REGIONS.map(entry), districts }
}
