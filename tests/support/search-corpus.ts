import type { Kysely } from 'kysely'
import { cities } from '#db/reference/cities'
import { russianRegions } from '#db/reference/russian-regions'
import type { BusinessStatus, Database, SizeBand } from '#db/schema'

/**
 * The fixed corpus of the search contract (tests/integration/search-engine.contract.test.ts): 14 hand-made
 * listings that queries aim at, and 46 regular ones that make facets, sorting and paging meaningful.
 */
export type CorpusListing = {
  slug: string
  nameRu: string | null
  nameEn: string | null
  nameLocal?: string
  localLang?: string
  descriptionRu?: string
  descriptionEn?: string
  keywords?: string[]
  country: string
  city: string
  sectors: string[]
  regions: string[]
  coop: string[]
  /** Taxonomy codes offered and sought (sections and divisions). */
  offers?: string[]
  seeks?: string[]
  size: SizeBand
  verified?: boolean
  status?: BusinessStatus
}

const special: CorpusListing[] = [
  {
    slug: 'sakura',
    nameRu: 'ООО «Сакура Логистик»',
    nameEn: 'Sakura Logistics K.K.',
    nameLocal: '株式会社桜物流',
    localLang: 'ja',
    descriptionRu: 'Морские контейнерные перевозки из Японии во Владивосток и Находку.',
    descriptionEn: 'Sea container shipping from Japan to Vladivostok.',
    keywords: ['контейнеры', 'containers', 'Владивосток'],
    country: 'JP',
    city: 'Tokyo',
    sectors: ['H'],
    regions: ['RU-PRI'],
    coop: ['logistics', 'export_to_russia'],
    size: 'small',
    verified: true,
  },
  {
    slug: 'fuji',
    nameRu: 'ООО «Фудзи Продукты»',
    nameEn: 'Fuji Foods Ltd',
    nameLocal: '富士食品株式会社',
    localLang: 'ja',
    descriptionRu: 'Поставки японских продуктов питания в российские сети.',
    descriptionEn: 'Japanese groceries for Russian retail chains.',
    keywords: ['продукты', 'groceries'],
    country: 'JP',
    city: 'Osaka',
    sectors: ['G', 'C'],
    regions: ['RU-MOW'],
    coop: ['export_to_russia'],
    size: 'medium',
  },
  {
    slug: 'tokyo-consulting',
    nameRu: 'Токийский консалтинг',
    nameEn: 'Tokyo Advisory',
    descriptionRu: 'Помогаем российским компаниям выйти на японский рынок.',
    descriptionEn: 'We help Russian companies enter the Japanese market.',
    keywords: ['консалтинг', 'consulting'],
    country: 'JP',
    city: 'Tokyo',
    sectors: ['M'],
    regions: ['RU-SPE'],
    coop: ['consulting'],
    size: 'micro',
  },
  {
    slug: 'seoul-tech',
    nameRu: 'ООО «Сеул Технологии»',
    nameEn: 'Seoul Tech Co',
    nameLocal: '서울테크 주식회사',
    localLang: 'ko',
    descriptionRu: 'Разработка программного обеспечения и мобильных приложений.',
    descriptionEn: 'Software development and mobile applications.',
    keywords: ['программирование', 'software'],
    country: 'KR',
    city: 'Seoul',
    sectors: ['J'],
    regions: ['RU-SPE'],
    coop: ['technology'],
    size: 'small',
    verified: true,
  },
  {
    slug: 'busan-bridge',
    nameRu: 'ООО «Мост Пусан — Владивосток»',
    nameEn: 'Busan Vladivostok Bridge',
    nameLocal: '부산 블라디 브리지',
    localLang: 'ko',
    descriptionRu: 'Паромные и автомобильные перевозки.',
    descriptionEn: 'Ferry and truck transport.',
    keywords: ['паром', 'ferry'],
    country: 'KR',
    city: 'Busan',
    sectors: ['H'],
    regions: ['RU-PRI', 'RU-KHA'],
    coop: ['logistics'],
    size: 'medium',
  },
  {
    slug: 'siam-tour',
    nameRu: 'ООО «Сиам Тур»',
    nameEn: 'Siam Tours Co',
    nameLocal: 'สยามทัวร์',
    localLang: 'th',
    descriptionRu: 'Туры по Таиланду для туристов из России.',
    descriptionEn: 'Tours of Thailand for travellers from Russia.',
    keywords: ['туризм', 'tourism'],
    country: 'TH',
    city: 'Bangkok',
    sectors: ['N'],
    regions: ['RU-NVS'],
    coop: ['tourism'],
    size: 'small',
  },
  {
    slug: 'silk-road',
    nameRu: 'ООО «Великий Шёлковый Путь»',
    nameEn: 'Great Silk Road Trading',
    nameLocal: '丝绸之路贸易有限公司',
    localLang: 'zh',
    descriptionRu: 'Импорт древесины и удобрений из России.',
    descriptionEn: 'Imports of timber and fertilisers from Russia.',
    keywords: ['древесина', 'timber'],
    country: 'CN',
    city: 'Beijing',
    sectors: ['G'],
    regions: ['RU-KHA'],
    coop: ['import_from_russia'],
    size: 'large',
    verified: true,
  },
  {
    slug: 'beryozka',
    nameRu: 'Центр русского языка «Берёзка»',
    nameEn: 'Beryozka Russian Language Centre',
    nameLocal: 'Trung tâm tiếng Nga Beryozka',
    localLang: 'vi',
    descriptionRu: 'Курсы русского языка для детей и взрослых.',
    descriptionEn: 'Russian language courses for children and adults.',
    keywords: ['образование', 'education'],
    country: 'VN',
    city: 'Hanoi',
    sectors: ['P'],
    regions: ['RU-MOW'],
    coop: ['education'],
    size: 'micro',
  },
  {
    slug: 'matryoshka',
    nameRu: 'Кафе «Матрёшка»',
    nameEn: 'Café Matryoshka',
    descriptionRu: 'Русская кухня: пельмени, борщ, блины.',
    descriptionEn: 'Russian cuisine: dumplings, borscht, pancakes.',
    keywords: ['ресторан', 'restaurant'],
    country: 'NZ',
    city: 'Auckland',
    sectors: ['I'],
    regions: [],
    coop: ['culture_media'],
    size: 'micro',
  },
  {
    slug: 'fiji-fish',
    nameRu: 'ООО «Океан Фиджи»',
    nameEn: 'Ocean Fiji Seafood',
    descriptionRu: 'Морепродукты и тунец.',
    descriptionEn: 'Seafood and tuna.',
    keywords: ['морепродукты', 'seafood'],
    country: 'FJ',
    city: 'Suva',
    sectors: ['A'],
    regions: ['RU-SAK'],
    coop: ['export_to_russia'],
    size: 'small',
  },
  {
    slug: 'altai',
    nameRu: 'ООО «Алтай»',
    nameEn: 'Altai LLC',
    country: 'MN',
    city: 'Ulaanbaatar',
    sectors: ['B'],
    regions: ['RU-IRK'],
    coop: ['investment'],
    size: 'small',
  },
  {
    slug: 'barkhan',
    nameRu: 'ООО «Бархан»',
    nameEn: 'Barkhan LLC',
    country: 'MN',
    city: 'Ulaanbaatar',
    sectors: ['B'],
    regions: ['RU-IRK'],
    coop: ['investment'],
    size: 'small',
  },
  {
    slug: 'yurta',
    nameRu: 'ООО «Юрта»',
    nameEn: null,
    country: 'MN',
    city: 'Ulaanbaatar',
    sectors: ['I'],
    regions: [],
    coop: ['tourism'],
    size: 'micro',
  },
  {
    slug: 'zuun',
    nameRu: null,
    nameEn: 'Zuun Trade LLC',
    nameLocal: 'Зүүн Трейд ХХК',
    localLang: 'mn',
    country: 'MN',
    city: 'Ulaanbaatar',
    sectors: ['G'],
    regions: [],
    coop: ['export_to_russia'],
    size: 'micro',
  },
  {
    slug: 'secret-pending',
    nameRu: 'ООО «Тайная Заявка»',
    nameEn: 'Secret Application Ltd',
    country: 'JP',
    city: 'Sapporo',
    sectors: ['C'],
    regions: ['RU-SAK'],
    coop: ['export_to_russia'],
    size: 'micro',
    status: 'pending',
  },
  {
    slug: 'returned',
    nameRu: 'ООО «Возвращённая Заявка»',
    nameEn: 'Returned Application Ltd',
    country: 'JP',
    city: 'Sapporo',
    sectors: ['C'],
    regions: [],
    coop: ['investment'],
    size: 'micro',
    status: 'returned',
  },
  {
    slug: 'draft',
    nameRu: 'ООО «Черновик Заявка»',
    nameEn: 'Draft Application Ltd',
    country: 'JP',
    city: 'Sapporo',
    sectors: ['C'],
    regions: [],
    coop: [],
    size: 'micro',
    status: 'draft',
  },
  {
    slug: 'archived',
    nameRu: 'ООО «Архивная Заявка»',
    nameEn: 'Archived Application Ltd',
    country: 'JP',
    city: 'Sapporo',
    sectors: ['C'],
    regions: [],
    coop: [],
    size: 'micro',
    status: 'archived',
  },
]

const roots = [
  ['Альфа', 'Alpha'],
  ['Бета', 'Beta'],
  ['Гамма', 'Gamma'],
  ['Дельта', 'Delta'],
  ['Омега', 'Omega'],
  ['Сигма', 'Sigma'],
  ['Каппа', 'Kappa'],
] as const
const activities = [
  { ru: 'Агро', en: 'Agro', kw: ['сельское хозяйство', 'agriculture'], sector: 'A' },
  { ru: 'Строй', en: 'Build', kw: ['строительство', 'construction'], sector: 'F' },
  { ru: 'Медиа', en: 'Media', kw: ['реклама', 'advertising'], sector: 'J' },
  { ru: 'Фарм', en: 'Pharma', kw: ['лекарства', 'medicines'], sector: 'C' },
  { ru: 'Текстиль', en: 'Textile', kw: ['ткани', 'fabrics'], sector: 'C' },
] as const
const places = [
  ['JP', 'Tokyo'],
  ['KR', 'Seoul'],
  ['CN', 'Shanghai'],
  ['TH', 'Chiang Mai'],
  ['VN', 'Ho Chi Minh City'],
  ['AU', 'Sydney'],
  ['SG', 'Singapore'],
  ['MY', 'Kuala Lumpur'],
  ['AU', 'Perth'],
  ['JP', 'Osaka'],
] as const
const regionCycle = [['RU-PRI'], ['RU-MOW', 'RU-SVE'], ['RU-TA'], [], ['RU-KDA', 'RU-NVS'], ['RU-SPE']]
const coopCycle = [
  ['export_to_russia'],
  ['import_from_russia', 'investment'],
  ['joint_venture'],
  ['technology'],
]
// Sections and divisions mixed, so that the section ↔ division rule is exercised both ways.
const offersCycle = [['10'], ['C'], ['49', '52'], [], ['H'], ['62'], ['11', 'F']]
const seeksCycle = [['46'], ['10', 'H'], [], ['C'], ['62'], ['11']]
const sizeCycle: SizeBand[] = ['micro', 'small', 'micro', 'medium', 'large']

const regular: CorpusListing[] = Array.from({ length: 46 }, (_, i) => {
  const root = roots[i % roots.length] ?? roots[0]
  const activity = activities[i % activities.length] ?? activities[0]
  const [country, city] = places[i % places.length] ?? places[0]
  return {
    slug: `regular-${i + 1}`,
    nameRu: `ООО «${root[0]} ${activity.ru} ${i + 1}»`,
    nameEn: `${root[1]} ${activity.en} ${i + 1} Ltd`,
    descriptionRu: 'Компания соотечественников, открыта к партнёрству.',
    descriptionEn: 'A compatriot company open to partnership.',
    keywords: [...activity.kw],
    country,
    city,
    sectors: i % 4 === 0 ? [activity.sector, 'M'] : [activity.sector],
    regions: regionCycle[i % regionCycle.length] ?? [],
    coop: coopCycle[i % coopCycle.length] ?? [],
    offers: offersCycle[i % offersCycle.length] ?? [],
    seeks: seeksCycle[i % seeksCycle.length] ?? [],
    size: sizeCycle[i % sizeCycle.length] ?? 'micro',
    verified: i % 3 === 0,
  }
})

export const corpus: CorpusListing[] = [...special, ...regular]

export type LoadedListing = CorpusListing & {
  id: number
  lat: number
  lon: number
  districts: string[]
  publishedAt: string
  status: BusinessStatus
}

const districtOf = new Map(russianRegions.map((r) => [r.code, r.district as string]))

/** Inserts the corpus (ids in corpus order, publication dates one day apart) and returns it with ids. */
export async function insertCorpus(db: Kysely<Database>): Promise<LoadedListing[]> {
  const out: LoadedListing[] = []
  let day = 0
  for (const listing of corpus) {
    const city = cities.find((c) => c.country === listing.country && c.nameEn === listing.city)
    if (!city) throw new Error(`corpus: no city ${listing.city} in ${listing.country}`)
    const status = listing.status ?? 'published'
    const publishedAt = new Date(Date.UTC(2025, 0, 1) + day++ * 86_400_000).toISOString()
    const { id } = await db
      .insertInto('businesses')
      .values({
        name_ru: listing.nameRu,
        name_en: listing.nameEn,
        name_local: listing.nameLocal ?? null,
        local_lang: listing.localLang ?? null,
        description_ru: listing.descriptionRu ?? null,
        description_en: listing.descriptionEn ?? null,
        keywords: listing.keywords ?? [],
        country_code: listing.country,
        city: city.nameEn,
        city_geoname_id: city.id,
        lat: city.lat,
        lon: city.lon,
        size_band: listing.size,
        cooperation_kinds: listing.coop,
        offers: listing.offers ?? [],
        seeks: listing.seeks ?? [],
        consent_at: publishedAt,
        status,
        moderator_reason: status === 'returned' ? 'Уточните адрес' : null,
        // Verifications expire (decision 0021): a recent one keeps the corpus verified whatever today is.
        verified_at: listing.verified ? new Date(Date.now() - 86_400_000).toISOString() : null,
        submitted_at: publishedAt,
        published_at: status === 'published' || status === 'archived' ? publishedAt : null,
        created_at: publishedAt,
        updated_at: publishedAt,
        email: `info@${listing.slug}.example.com`,
        phone: '+81312345678',
        public_email: listing.slug === 'sakura',
        public_phone: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (listing.sectors.length) {
      await db
        .insertInto('business_sectors')
        .values(listing.sectors.map((code, position) => ({ business_id: id, sector_code: code, position })))
        .execute()
    }
    if (listing.regions.length) {
      await db
        .insertInto('business_regions')
        .values(listing.regions.map((code) => ({ business_id: id, region_code: code })))
        .execute()
    }
    out.push({
      ...listing,
      id,
      lat: city.lat,
      lon: city.lon,
      districts: [...new Set(listing.regions.map((r) => districtOf.get(r) ?? '?'))],
      publishedAt,
      status,
    })
  }
  return out
}
