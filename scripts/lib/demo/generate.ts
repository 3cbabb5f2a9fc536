import { en, Faker, ru } from '@faker-js/faker'
import type { Messengers, SizeBand } from '#db/schema'
import {
  activitiesBySector,
  callingCodes,
  countryWeights,
  descriptionTemplates,
  englishLegalForm,
  keywordsBySector,
  localNameForm,
  localRoots,
  messengersByCountry,
  type Root,
  regionInterestWeights,
  russianRoots,
  sectorWeights,
  tradeBySector,
} from './vocabulary'

export type City = {
  id: number
  country: string
  nameEn: string
  nameRu: string
  nameLocal: string
  lat: number
  lon: number
  population: number
}

export type DemoBusiness = {
  id: number
  owner_id: string | null
  name_ru: string
  name_en: string
  name_local: string | null
  local_lang: string | null
  description_ru: string
  description_en: string
  keywords: string[]
  country_code: string
  city: string
  city_geoname_id: number
  address: string
  lat: number
  lon: number
  founded_year: number
  size_band: SizeBand
  website: string | null
  email: string
  phone: string
  messengers: Messengers
  languages: string[]
  cooperation_kinds: string[]
  offers: string[]
  seeks: string[]
  public_email: boolean
  public_phone: boolean
  public_messengers: boolean
  public_address: boolean
  consent_at: string
  status: 'draft' | 'pending' | 'published' | 'returned' | 'archived'
  moderator_reason: string | null
  verified_at: string | null
  submitted_at: string | null
  published_at: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
  confirmed_at: string
  sectors: string[]
  regions: string[]
}

/**
 * Offers and seeks from the main sector, picked by the listing's number rather than the random
 * generator, so that adding them left every other field of a seed's data as it was. About 7 in 10
 * listings name them, one or two codes each way.
 */
function demoTrade(i: number, mainSector: string): { offers: string[]; seeks: string[] } {
  const trade = tradeBySector[mainSector]
  if (!trade || i % 10 >= 7) return { offers: [], seeks: [] }
  const some = (list: string[], n: number) => [
    ...new Set(Array.from({ length: n }, (_, k) => list[(i + k * 3) % list.length] as string)),
  ]
  return { offers: some(trade.offers, 1 + (i % 2)), seeks: some(trade.seeks, 1 + (i % 3 === 0 ? 1 : 0)) }
}

export type DemoOptions = { count: number; seed: number }

/** The moment demo history is laid out before; fixed so that the same seed gives the same data. */
export const DEMO_EPOCH = Date.UTC(2026, 10, 1)
export const DAY = 86_400_000

const cooperationKindWeights: Record<string, number> = {
  export_to_russia: 10,
  import_from_russia: 9,
  logistics: 5,
  investment: 4,
  tourism: 5,
  education: 3,
  technology: 3,
  joint_venture: 3,
  consulting: 3,
}

const languagesByCountry: Record<string, string[]> = {
  JP: ['ja'],
  CN: ['zh'],
  HK: ['zh'],
  KR: ['ko'],
  TH: ['th'],
  VN: ['vi'],
  ID: ['id'],
  MY: ['ms'],
  MN: ['mn'],
  KH: ['km'],
  LA: ['lo'],
  MM: ['my'],
  NP: ['ne'],
  IN: ['hi'],
  BD: ['bn'],
  LK: ['si'],
  PK: ['ur'],
}

const returnReasons = [
  'Укажите, пожалуйста, адрес офиса и сайт компании.',
  'Описание слишком короткое: расскажите, что компания предлагает партнёрам в России.',
  'Название на английском языке не совпадает с регистрационными документами.',
]

function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function weighted<T extends string>(f: Faker, weights: Record<T, number>): T {
  return f.helpers.weightedArrayElement(
    (Object.entries(weights) as [T, number][]).map(([value, weight]) => ({ value, weight })),
  )
}

function distinctWeighted<T extends string>(f: Faker, weights: Record<T, number>, n: number): T[] {
  const picked = new Set<T>()
  for (let guard = 0; picked.size < n && guard < n * 10; guard++) picked.add(weighted(f, weights))
  return [...picked]
}

function isoAt(ms: number) {
  return new Date(ms).toISOString()
}

/**
 * Deterministic demo listings: the same options always give the same rows.
 * Cities are drawn by population inside a country, and points scattered a few km around them.
 */
export function generateDemoBusinesses(
  options: DemoOptions,
  cities: readonly City[],
  countryCodes: readonly string[],
): DemoBusiness[] {
  const f = new Faker({ locale: [ru, en], seed: options.seed })
  const citiesByCountry = new Map<string, City[]>()
  for (const city of cities) {
    const list = citiesByCountry.get(city.country) ?? []
    list.push(city)
    citiesByCountry.set(city.country, list)
  }
  const weights: Record<string, number> = {}
  for (const code of countryCodes) {
    const weight = countryWeights[code] ?? 0.2
    if (citiesByCountry.has(code) && weight > 0) weights[code] = weight
  }
  const sectorCodes = Object.keys(sectorWeights)

  const out: DemoBusiness[] = []
  for (let i = 0; i < options.count; i++) {
    const country = weighted(f, weights)
    const countryCities = citiesByCountry.get(country) ?? []
    // Population weighting, damped so that smaller cities still appear.
    const city = f.helpers.weightedArrayElement(
      countryCities.map((c) => ({ value: c, weight: Math.sqrt(Math.max(c.population, 1000)) })),
    )
    const mainSector = weighted(f, sectorWeights)
    const extraSectors = f.helpers.arrayElements(
      sectorCodes.filter((c) => c !== mainSector),
      f.helpers.weightedArrayElement([
        { value: 0, weight: 5 },
        { value: 1, weight: 3 },
        { value: 2, weight: 1 },
      ]),
    )
    const sectors = [mainSector, ...extraSectors]
    const activity = f.helpers.arrayElement(activitiesBySector[mainSector] ?? activitiesBySector.G ?? [])
    const locals = localRoots[country]
    const useLocalRoot = locals !== undefined && f.datatype.boolean({ probability: 0.6 })
    const root: Root = useLocalRoot ? f.helpers.arrayElement(locals) : f.helpers.arrayElement(russianRoots)
    const form = localNameForm[country]
    const suffixNumber = f.helpers.maybe(() => f.number.int({ min: 2, max: 99 }), { probability: 0.25 })
    const suffixRu = suffixNumber ? ` ${suffixNumber}` : ''
    const nameRu = `ООО «${root.ru} ${activity.ru}${suffixRu}»`
    const nameEn = `${root.en} ${activity.en}${suffixRu} ${englishLegalForm[country] ?? 'Ltd'}`
    const nameLocal = form
      ? form.make(`${root.local ?? root.en}${suffixNumber ? suffixNumber : ''}`, activity)
      : null

    const kwPool = sectors.flatMap((s) => keywordsBySector[s] ?? [])
    const keywords = f.helpers
      .arrayElements(kwPool, { min: 1, max: Math.min(4, kwPool.length) })
      .flatMap((k) => [k.ru, k.en])
    const regions = f.datatype.boolean({ probability: 0.85 })
      ? distinctWeighted(f, regionInterestWeights, f.number.int({ min: 1, max: 4 }))
      : []
    const cooperation = distinctWeighted(f, cooperationKindWeights, f.number.int({ min: 1, max: 3 }))
    const createdMs =
      DEMO_EPOCH - f.number.int({ min: 1, max: 3 * 365 }) * DAY - f.number.int({ min: 0, max: DAY - 1 })
    const status = f.helpers.weightedArrayElement([
      { value: 'published' as const, weight: 88 },
      { value: 'pending' as const, weight: 6 },
      { value: 'draft' as const, weight: 3 },
      { value: 'returned' as const, weight: 2 },
      { value: 'archived' as const, weight: 1 },
    ])
    const submittedMs = createdMs + f.number.int({ min: 0, max: 3 }) * DAY
    const publishedMs = submittedMs + f.number.int({ min: 1, max: 10 }) * DAY
    const slug = slugify(`${root.en}-${activity.en}${suffixNumber ?? ''}`)
    const domain = `${slug}-${i + 1}.example.com`
    const calling = callingCodes[country] ?? '1'
    const phone = `+${calling}${f.string.numeric({ length: Math.max(7, 11 - calling.length), allowLeadingZeros: false })}`
    const messengerKinds = f.helpers.arrayElements(
      ['telegram', 'whatsapp', ...(messengersByCountry[country] ?? [])],
      {
        min: 0,
        max: 2,
      },
    )
    const messengers: Messengers = {}
    for (const kind of messengerKinds) {
      messengers[kind] = kind === 'whatsapp' ? phone : `${slug.replace(/-/g, '_').slice(0, 20)}_${i + 1}`
    }
    const years = f.number.int({ min: 1992, max: 2025 })
    const description = descriptionTemplates[mainSector] ?? descriptionTemplates.G ?? { ru: '', en: '' }

    out.push({
      id: i + 1,
      owner_id: null,
      name_ru: nameRu,
      name_en: nameEn,
      name_local: nameLocal,
      local_lang: form?.lang ?? null,
      description_ru:
        `${description.ru} в городе ${city.nameRu}. Работаем с ${years} года, говорим по-русски. ${regions.length ? 'Ищем партнёров в российских регионах.' : ''}`.trim(),
      description_en:
        `${description.en} in ${city.nameEn}. In business since ${years}; Russian-speaking team. ${regions.length ? 'Looking for partners in Russian regions.' : ''}`.trim(),
      keywords,
      country_code: country,
      city: city.nameEn,
      city_geoname_id: city.id,
      address: `${f.number.int({ min: 1, max: 300 })} ${f.helpers.arrayElement(['Central', 'Harbour', 'Station', 'Park', 'Market', 'River'])} Road, ${city.nameEn}`,
      lat: Math.round((city.lat + f.number.float({ min: -0.05, max: 0.05 })) * 1e6) / 1e6,
      lon: Math.round((city.lon + f.number.float({ min: -0.05, max: 0.05 })) * 1e6) / 1e6,
      founded_year: years,
      size_band: f.helpers.weightedArrayElement([
        { value: 'micro' as const, weight: 55 },
        { value: 'small' as const, weight: 30 },
        { value: 'medium' as const, weight: 12 },
        { value: 'large' as const, weight: 3 },
      ]),
      website: f.datatype.boolean({ probability: 0.8 }) ? `https://${domain}` : null,
      email: `info@${domain}`,
      phone,
      messengers,
      languages: [
        'ru',
        ...(f.datatype.boolean({ probability: 0.7 }) ? ['en'] : []),
        ...(languagesByCountry[country] ?? []),
      ],
      cooperation_kinds: cooperation,
      ...demoTrade(i, mainSector),
      public_email: f.datatype.boolean({ probability: 0.7 }),
      public_phone: f.datatype.boolean({ probability: 0.5 }),
      public_messengers: f.datatype.boolean({ probability: 0.6 }),
      public_address: f.datatype.boolean({ probability: 0.8 }),
      consent_at: isoAt(createdMs),
      status,
      moderator_reason: status === 'returned' ? f.helpers.arrayElement(returnReasons) : null,
      verified_at:
        status === 'published' && f.datatype.boolean({ probability: 0.3 }) ? isoAt(publishedMs) : null,
      submitted_at: status === 'draft' ? null : isoAt(submittedMs),
      published_at: status === 'published' || status === 'archived' ? isoAt(publishedMs) : null,
      archived_at: status === 'archived' ? isoAt(publishedMs + 30 * DAY) : null,
      created_at: isoAt(createdMs),
      updated_at: isoAt(status === 'published' ? publishedMs : submittedMs),
      // Never confirmed since publication: listings older than 18 months show as stale (decision 0021).
      confirmed_at: isoAt(status === 'published' ? publishedMs : submittedMs),
      sectors,
      regions,
    })
  }
  return out
}
