import { sectorDivisions } from '#db/reference/sector-divisions'
import { sectors } from '#db/reference/sectors'

/**
 * What a listing offers and seeks: codes of the sector taxonomy, a section letter ('C', the whole
 * section) or a division ('10'). Shared by the editor (browser and server), the card, search and
 * the import; the labels come from the reference files (like cooperation kinds), the database holds
 * the same codes for SQL (migration 0017, decision 0022).
 */
export const MAX_TRADE_CODES = 10

export type TaxonomyDivision = { code: string; nameRu: string; nameEn: string }
export type TaxonomySection = {
  code: string
  nameRu: string
  nameEn: string
  titleRu: string
  titleEn: string
  divisions: TaxonomyDivision[]
}

export const taxonomy: readonly TaxonomySection[] = sectors.map((s) => ({
  code: s.code,
  nameRu: s.shortRu,
  nameEn: s.shortEn,
  titleRu: s.nameRu,
  titleEn: s.nameEn,
  divisions: sectorDivisions
    .filter((d) => d.section === s.code)
    .map((d) => ({ code: d.code, nameRu: d.nameRu, nameEn: d.nameEn })),
}))

const sectionOfCode = new Map<string, string>([
  ...sectors.map((s) => [s.code, s.code] as [string, string]),
  ...sectorDivisions.map((d) => [d.code, d.section] as [string, string]),
])
const labelOfCode = new Map<string, { ru: string; en: string }>([
  ...sectors.map((s) => [s.code, { ru: s.shortRu, en: s.shortEn }] as const),
  ...sectorDivisions.map((d) => [d.code, { ru: d.nameRu, en: d.nameEn }] as const),
])

export function isTaxonomyCode(code: string) {
  return sectionOfCode.has(code)
}

export function isSectionCode(code: string) {
  return /^[A-Z]$/.test(code) && sectionOfCode.has(code)
}

/** The section a code belongs to (a section is its own); null for an unknown code. */
export function sectionOf(code: string): string | null {
  return sectionOfCode.get(code) ?? null
}

/** A code's name in the viewer's language (the code itself when unknown). */
export function taxonomyLabel(code: string, locale: 'ru' | 'en') {
  return labelOfCode.get(code)?.[locale] ?? code
}

/** Typed or imported codes as stored: trimmed, letters upper-cased, duplicates dropped, order kept. */
export function normaliseTradeCodes(values: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of values) {
    const v = raw.trim().toUpperCase()
    if (v && !out.includes(v)) out.push(v)
  }
  return out
}

/** Taxonomy order (sections A–U, each followed by its divisions): how lists of codes are shown. */
const rank = new Map<string, number>(
  taxonomy.flatMap((s) => [s.code, ...s.divisions.map((d) => d.code)]).map((c, i) => [c, i]),
)
export function byTaxonomyOrder(a: string, b: string) {
  return (rank.get(a) ?? 1e6) - (rank.get(b) ?? 1e6) || (a < b ? -1 : a > b ? 1 : 0)
}

/*
 * Matching with one array overlap, in SQL, the facet index and Meilisearch alike. A listing's codes
 * are stored in the search data as tokens:
 *   section 'C'   → 'C', 'C*'   ('C*': "the whole section")
 *   division '10' → '10', 'C'   ('C': "something in section C")
 * and a wanted code becomes the tokens it matches:
 *   section 'C'   → 'C'         (the whole section or any of its divisions)
 *   division '10' → '10', 'C*'  (that division, or a listing naming the whole section)
 * so division '11' does not match division '10' although both carry 'C'. The same rule is written in SQL
 * in search-data.server.ts (the stored side).
 */
export const WHOLE_SECTION = '*'

export function storedTradeTokens(codes: readonly string[]): string[] {
  const out = new Set<string>()
  for (const code of codes) {
    const section = sectionOf(code)
    if (!section) continue
    out.add(code)
    out.add(code === section ? `${code}${WHOLE_SECTION}` : section)
  }
  return [...out]
}

export function wantedTradeTokens(codes: readonly string[]): string[] {
  const out = new Set<string>()
  for (const code of codes) {
    const section = sectionOf(code)
    if (!section) continue
    out.add(code)
    if (code !== section) out.add(`${section}${WHOLE_SECTION}`)
  }
  return [...out]
}

/** True when a listing's code `have` answers a wanted code `want` (a section matches its divisions and back). */
export function tradeCodesMatch(want: string, have: string) {
  if (want === have) return true
  const a = sectionOf(want)
  const b = sectionOf(have)
  if (!a || a !== b) return false
  return want === a || have === b
}

/** Facet counts of search tokens keep only real codes ('C*' is internal). */
export function isWholeSectionToken(token: string) {
  return token.endsWith(WHOLE_SECTION)
}
