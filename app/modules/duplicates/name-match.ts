import transliterate from '@sindresorhus/transliterate'
import { romanize } from 'es-hangul'
import { distance } from 'fastest-levenshtein'
import { LRUCache } from 'lru-cache'
import { Converter } from 'opencc-js/t2cn'
import { toRomaji } from 'wanakana'

/**
 * Name matching across scripts (docs/decisions/0017-cross-script-duplicates.md): every name becomes
 * a Latin key (Cyrillic, kana and Hangul transliterated by maintained packages, legal forms dropped)
 * or, when it is written in Han or Thai characters that cannot be romanised without a dictionary,
 * a local key compared only with other local keys.
 */

// Legal forms written in a local script: removed before transliteration (they would otherwise
// become romaji or Hangul syllables that look like part of the name).
const LOCAL_LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '(株)',
  '（株）',
  '㈱',
  '(有)',
  '（有）',
  '주식회사',
  '유한회사',
  '(주)',
  '（주）',
  '㈜',
  'บริษัทมหาชน',
  'บริษัท',
  'ห้างหุ้นส่วนจำกัด',
  '(มหาชน)',
  'จำกัด',
]
const LOCAL_LEGAL_RE = new RegExp(
  // Matched after NFKC, which rewrites some of them (Thai sara am, full-width brackets).
  [...new Set(LOCAL_LEGAL_FORMS.map((f) => f.normalize('NFKC')))]
    .map((f) => f.replace(/[()]/g, (c) => `\\${c}`))
    .join('|'),
  'g',
)

// Legal forms after transliteration to lower-case Latin, as whole words (phrases first).
const LATIN_LEGAL_PHRASES = [
  'obshchestvo s ogranichennoy otvetstvennostyu',
  'obschestvo s ogranichennoy otvetstvennostyu',
  'aktsionernoe obshchestvo',
  'aktsionernoe obschestvo',
  'individualnyy predprinimatel',
  'cong ty co phan',
  'cong ty tnhh mtv',
  'cong ty tnhh',
  'cong ty',
  'private limited',
  'public company limited',
  'co ltd',
  'pte ltd',
  'sdn bhd',
  'k k',
  'ltd co',
]
const LATIN_LEGAL_WORDS = new Set([
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'ip',
  'nko',
  'llc',
  'ltd',
  'limited',
  'co',
  'company',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'gmbh',
  'ag',
  'pte',
  'sdn',
  'bhd',
  'pt',
  'tbk',
  'jsc',
  'ojsc',
  'cjsc',
  'kk',
  'plc',
  'tnhh',
  'mtv',
  'llp',
  'lp',
  'sa',
  'bv',
])
const LATIN_PHRASE_RE = new RegExp(`(^| )(${LATIN_LEGAL_PHRASES.join('|')})(?= |$)`, 'g')

// Characters that need a dictionary to be read (Han, Thai, Lao, Khmer, Myanmar): such names are
// compared in their own script.
const LOCAL_ONLY = /[\u3400-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]/
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/

const toSimplified = Converter({ from: 'jp', to: 'cn' })

export type NameKey =
  | { kind: 'latin'; full: string; skeleton: string; digits: string }
  | { kind: 'local'; local: string; digits: string }
  | { kind: 'none' }

/**
 * Sound-alike spellings folded together: transliteration systems disagree on these (х = kh/h,
 * ц = ts/c, й = y/j/i, ks/x), and doubled letters come and go between scripts.
 */
export function phoneticFold(latin: string) {
  return latin
    .replace(/shch|sch/g, 'sh')
    .replace(/[jy]/g, 'i')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ts|tz/g, 'z')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/(.)\1+/g, '$1')
}

/**
 * The consonants in order: vowels are where scripts differ most (трейд/trade, トレード/toreedo,
 * 트레이드/teureideu all give "trd").
 */
export function skeletonOf(folded: string) {
  if (!folded) return ''
  return (folded[0] + folded.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1')
}

function stripLatinLegalForms(words: string) {
  const phrased = ` ${words} `.replace(LATIN_PHRASE_RE, ' ').trim()
  const kept = phrased.split(' ').filter((w) => w && !LATIN_LEGAL_WORDS.has(w))
  // A name that is only a legal form ("ООО") keeps it rather than becoming empty.
  return kept.length > 0 ? kept.join(' ') : phrased
}

const digitsOf = (s: string) => s.replace(/[^0-9]/g, '')

function computeKey(name: string): NameKey {
  let s = name.normalize('NFKC').replace(LOCAL_LEGAL_RE, ' ')
  // Quotes and punctuation never tell two companies apart.
  s = s.replace(/[\p{P}\p{S}]+/gu, ' ').trim()
  if (!s) return { kind: 'none' }
  if (LOCAL_ONLY.test(s)) {
    const local = toSimplified(s.toLowerCase()).replace(/\s+/g, '')
    return local ? { kind: 'local', local, digits: digitsOf(local) } : { kind: 'none' }
  }
  if (KANA.test(s)) s = toRomaji(s)
  if (HANGUL.test(s)) s = romanize(s)
  const words = transliterate(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
  const latin = stripLatinLegalForms(words).replace(/ /g, '')
  if (!latin) return { kind: 'none' }
  const full = phoneticFold(latin)
  // Digits from before folding, which would make 22 and 2 the same number.
  return { kind: 'latin', full, skeleton: skeletonOf(full), digits: digitsOf(latin) }
}

// The same names are keyed again and again (every check reads the city's listings): keep them.
const cache = new LRUCache<string, NameKey>({ max: 200_000 })

export function nameKeyOf(name: string | null | undefined): NameKey {
  if (!name?.trim()) return { kind: 'none' }
  let key = cache.get(name)
  if (!key) {
    key = computeKey(name)
    cache.set(name, key)
  }
  return key
}

const ratio = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length, 1)

/**
 * How alike two names are, 0 to 1; 0 when they cannot be compared (Latin against Han). Latin keys
 * must agree in consonants and roughly in letters; short names must agree almost letter for letter.
 */
export function nameSimilarity(a: NameKey, b: NameKey): number {
  if (a.kind === 'none' || b.kind === 'none') return 0
  // "Филиал 1" and "Branch 2" (or 支店1 and 支店2) are two businesses, however alike the rest.
  if (a.digits !== b.digits && a.digits && b.digits) return 0
  if (a.kind === 'local' && b.kind === 'local') {
    const r = ratio(a.local, b.local)
    return r >= 0.8 ? r : 0
  }
  if (a.kind !== 'latin' || b.kind !== 'latin') return 0
  const full = ratio(a.full, b.full)
  if (full >= 0.85) return full
  if (Math.min(a.skeleton.length, b.skeleton.length) < 3) return 0
  const skeleton = ratio(a.skeleton, b.skeleton)
  return skeleton >= 0.8 && full >= 0.5 ? (full + skeleton) / 2 : 0
}

export const MATCH_THRESHOLD = 0.5

export type ListingNames = {
  name_ru: string | null
  name_en: string | null
  name_local: string | null
}

export const keysOf = (l: ListingNames) =>
  [l.name_ru, l.name_en, l.name_local].map(nameKeyOf).filter((k) => k.kind !== 'none')

/** The best match between any name of one listing and any name of the other. */
export function listingSimilarity(a: NameKey[], b: NameKey[]) {
  let best = 0
  for (const x of a) for (const y of b) best = Math.max(best, nameSimilarity(x, y))
  return best
}
