import type { Business, Messengers } from '#db/schema'
import { cityById } from './gazetteer.server'
import {
  type ListingFormValue,
  localLanguageOf,
  MESSENGER_CODES,
  normalisePhone,
  normaliseWebsite,
  parseCoordinate,
  splitKeywords,
} from './listing-schema'

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null)

/** What a listing says about the business: everything the editor (or an import row) sets. */
export type ListingContent = Pick<
  Business,
  | 'name_ru'
  | 'name_en'
  | 'name_local'
  | 'local_lang'
  | 'description_ru'
  | 'description_en'
  | 'keywords'
  | 'country_code'
  | 'city'
  | 'city_geoname_id'
  | 'address'
  | 'lat'
  | 'lon'
  | 'founded_year'
  | 'size_band'
  | 'website'
  | 'email'
  | 'phone'
  | 'messengers'
  | 'languages'
  | 'cooperation_kinds'
  | 'offers'
  | 'seeks'
  | 'public_email'
  | 'public_phone'
  | 'public_messengers'
  | 'public_address'
>

/**
 * The editor schema's validated value as listing columns, normalised the one way both the editor
 * and the council import store them (E.164 phone, https website, the city's point when none given).
 */
export function listingContent(v: ListingFormValue): ListingContent {
  const lat = parseCoordinate(v.lat, 90)
  const lon = parseCoordinate(v.lon, 180)
  const city = cityById(v.cityGeonameId, v.countryCode)
  const point =
    typeof lat === 'number' && typeof lon === 'number'
      ? { lat, lon }
      : city
        ? { lat: city.lat, lon: city.lon }
        : null
  const phone = normalisePhone(v.phone, v.countryCode)
  const messengers: Messengers = {}
  for (const code of MESSENGER_CODES) {
    const handle = v.messengers?.[code]?.trim()
    if (handle) messengers[code] = handle
  }
  return {
    name_ru: orNull(v.nameRu),
    name_en: orNull(v.nameEn),
    name_local: orNull(v.nameLocal),
    local_lang: v.nameLocal?.trim() ? (v.localLang ?? localLanguageOf[v.countryCode] ?? null) : null,
    description_ru: orNull(v.descriptionRu),
    description_en: orNull(v.descriptionEn),
    keywords: splitKeywords(v.keywords),
    country_code: v.countryCode,
    city: orNull(v.city),
    city_geoname_id: city?.id ?? null,
    address: orNull(v.address),
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    founded_year: v.foundedYear?.trim() ? Number(v.foundedYear) : null,
    size_band: (v.sizeBand ?? null) as Business['size_band'],
    website: normaliseWebsite(v.website),
    email: orNull(v.email),
    phone: phone === 'invalid' ? null : phone,
    messengers,
    languages: v.languages,
    cooperation_kinds: v.cooperationKinds,
    offers: v.offers,
    seeks: v.seeks,
    public_email: v.publicEmail,
    public_phone: v.publicPhone,
    public_messengers: v.publicMessengers,
    public_address: v.publicAddress,
  }
}

const canonical = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return 'null'
  if (typeof value === 'string') return JSON.stringify(value.trim())
  if (typeof value === 'number') return String(Number(value))
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== '' && v != null)
    entries.sort(([a], [b]) => a.localeCompare(b))
    return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** True when a stored listing already says exactly this (so re-importing it changes nothing). */
export function sameContent(
  stored: Business & { sectors: string[]; regions: string[] },
  content: ListingContent,
  sectors: string[],
  regions: string[],
) {
  for (const key of Object.keys(content) as (keyof ListingContent)[]) {
    const before = key === 'country_code' ? stored.country_code.trim() : stored[key]
    if (canonical(before) !== canonical(content[key])) return false
  }
  return (
    canonical(stored.sectors) === canonical(sectors) &&
    canonical([...stored.regions].sort()) === canonical([...new Set(regions)].sort())
  )
}
