import { z } from 'zod'
import { cooperationKinds, sizeBands } from '#db/reference/cooperation'
import { federalDistricts } from '#db/reference/russian-regions'
import { isTaxonomyCode } from '~/modules/businesses/taxonomy'

/**
 * The search's URL parameters, shared by the search page, the JSON API and (later) the map API: one
 * parser, so a URL means the same thing wherever it is pasted. Parameters:
 *   q            free text (Russian, English, local scripts)
 *   country      ISO codes, repeated or comma-separated: country=JP&country=KR or country=JP,KR
 *   sector       sector section letters (A–U)
 *   region       Russian federal subjects (RU-PRI)
 *   district     federal districts (FEFD)
 *   coop         kinds of cooperation sought (export_to_russia)
 *   offers       what a business offers: taxonomy codes, a section letter (C, also matching its
 *                divisions) or a division (10, also matching listings that name its whole section)
 *   seeks        what a business seeks, the same codes
 *   size         size bands (micro, small, medium, large)
 *   verified     1 / 0
 *   bbox         west,south,east,north in degrees; west > east crosses the antimeridian
 *   sort         relevance | name | newest
 *   page         1…MAX_PAGE
 *   perPage      1…MAX_PER_PAGE (API only; the page shows PAGE_SIZE)
 */
export const PAGE_SIZE = 20
export const MAX_PER_PAGE = 100
export const MAX_PAGE = 500
export const MAX_QUERY_LENGTH = 200
export const MAX_VALUES = 30

export const sorts = ['relevance', 'name', 'newest'] as const
export type SearchSort = (typeof sorts)[number]

export const facetNames = [
  'country',
  'sector',
  'region',
  'district',
  'coop',
  'offers',
  'seeks',
  'size',
  'verified',
] as const
export type FacetName = (typeof facetNames)[number]
export type ListFacet = Exclude<FacetName, 'verified'>
export const listFacets = [
  'country',
  'sector',
  'region',
  'district',
  'coop',
  'offers',
  'seeks',
  'size',
] as const satisfies readonly ListFacet[]

export type SearchFilters = Record<ListFacet, string[]> & { verified: boolean | null }
export type BBox = { west: number; south: number; east: number; north: number }

export type SearchParams = {
  q: string
  filters: SearchFilters
  bbox: BBox | null
  sort: SearchSort
  page: number
  perPage: number
}

/** What went wrong, by parameter; the caller turns `reason` into a message in the viewer's language. */
export type ParamIssue = { param: string; reason: 'invalid' | 'tooLong' | 'range' | 'tooMany' }

/** Control characters (pasted from anywhere) become spaces. */
function stripControl(s: string) {
  return Array.from(s, (ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch)).join('')
}

const valuePatterns: Record<ListFacet, (v: string) => boolean> = {
  country: (v) => /^[A-Z]{2}$/.test(v),
  sector: (v) => /^[A-Z]$/.test(v),
  region: (v) => /^RU-[A-Z]{2,4}$/.test(v),
  district: (v) => federalDistricts.some((d) => d.code === v),
  coop: (v) => cooperationKinds.some((k) => k.code === v),
  offers: isTaxonomyCode,
  seeks: isTaxonomyCode,
  size: (v) => sizeBands.some((s) => s.code === v),
}
const upperCase: Record<ListFacet, boolean> = {
  country: true,
  sector: true,
  region: true,
  district: false,
  coop: false,
  offers: true,
  seeks: true,
  size: false,
}

const listSchema = (facet: ListFacet) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(','))
        .map((v) => (upperCase[facet] ? v.trim().toUpperCase() : v.trim()))
        .filter((v) => v !== ''),
    )
    .pipe(
      z
        .array(z.string().refine(valuePatterns[facet], { message: 'invalid' }))
        .max(MAX_VALUES, { message: 'tooMany' })
        .transform((values) => [...new Set(values)].sort()),
    )

const intSchema = (max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback
      if (!/^\d{1,6}$/.test(v.trim())) {
        ctx.addIssue({ code: 'custom', message: 'range' })
        return z.NEVER
      }
      const n = Number(v)
      if (n < 1 || n > max) {
        ctx.addIssue({ code: 'custom', message: 'range' })
        return z.NEVER
      }
      return n
    })

const bboxSchema = z
  .string()
  .optional()
  .transform((v, ctx): BBox | null => {
    if (v === undefined || v.trim() === '') return null
    const parts = v.split(',').map((p) => p.trim())
    const nums = parts.map(Number)
    const [west, south, east, north] = nums as [number, number, number, number]
    if (
      parts.length !== 4 ||
      parts.some((p) => p === '') ||
      nums.some((n) => !Number.isFinite(n)) ||
      Math.abs(west) > 180 ||
      Math.abs(east) > 180 ||
      Math.abs(south) > 90 ||
      Math.abs(north) > 90 ||
      south > north
    ) {
      ctx.addIssue({ code: 'custom', message: 'invalid' })
      return z.NEVER
    }
    return { west, south, east, north }
  })

export const searchParamsSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((s) => stripControl(s ?? '').trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, { message: 'tooLong' })),
  country: listSchema('country'),
  sector: listSchema('sector'),
  region: listSchema('region'),
  district: listSchema('district'),
  coop: listSchema('coop'),
  offers: listSchema('offers'),
  seeks: listSchema('seeks'),
  size: listSchema('size'),
  verified: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null
      if (v === '1' || v === 'true') return true
      if (v === '0' || v === 'false') return false
      ctx.addIssue({ code: 'custom', message: 'invalid' })
      return z.NEVER
    }),
  bbox: bboxSchema,
  sort: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null
      if ((sorts as readonly string[]).includes(v)) return v as SearchSort
      ctx.addIssue({ code: 'custom', message: 'invalid' })
      return z.NEVER
    }),
  page: intSchema(MAX_PAGE, 1),
  perPage: intSchema(MAX_PER_PAGE, PAGE_SIZE),
})

const knownParams = ['q', ...listFacets, 'verified', 'bbox', 'sort', 'page', 'perPage'] as const

export type ParseResult =
  | { ok: true; value: SearchParams }
  | { ok: false; issues: ParamIssue[]; raw: Record<string, string> }

/** Parses a URL's search parameters. Unknown parameters (utm_…, lang) are ignored. */
export function parseSearchParams(
  params: URLSearchParams,
  options: { allowPerPage?: boolean } = {},
): ParseResult {
  const input: Record<string, unknown> = {}
  for (const name of knownParams) {
    const all = params.getAll(name)
    if ((listFacets as readonly string[]).includes(name)) input[name] = all
    else if (all.length > 0) input[name] = all[all.length - 1]
  }
  if (!options.allowPerPage) delete input.perPage
  const result = searchParamsSchema.safeParse(input)
  if (!result.success) {
    const seen = new Set<string>()
    const issues: ParamIssue[] = []
    for (const issue of result.error.issues) {
      const param = String(issue.path[0] ?? 'q')
      if (seen.has(param)) continue
      seen.add(param)
      const reason =
        (['invalid', 'tooLong', 'range', 'tooMany'] as const).find((r) => r === issue.message) ?? 'invalid'
      issues.push({ param, reason })
    }
    const raw: Record<string, string> = {}
    for (const name of knownParams) {
      const v = params.getAll(name).join(',')
      if (v) raw[name] = v
    }
    return { ok: false, issues, raw }
  }
  const v = result.data
  return {
    ok: true,
    value: {
      q: v.q,
      filters: {
        country: v.country,
        sector: v.sector,
        region: v.region,
        district: v.district,
        coop: v.coop,
        offers: v.offers,
        seeks: v.seeks,
        size: v.size,
        verified: v.verified,
      },
      bbox: v.bbox,
      // Relevance means nothing without words: then the newest come first.
      sort: v.sort ?? (v.q ? 'relevance' : 'newest'),
      page: v.page,
      perPage: v.perPage,
    },
  }
}

/** The canonical query string of a search (stable order, defaults left out): links, chips, saved searches. */
export function toSearchParams(
  value: SearchParams,
  options: { keepPerPage?: boolean } = {},
): URLSearchParams {
  const out = new URLSearchParams()
  if (value.q) out.set('q', value.q)
  for (const facet of listFacets) for (const v of value.filters[facet]) out.append(facet, v)
  if (value.filters.verified !== null) out.set('verified', value.filters.verified ? '1' : '0')
  if (value.bbox)
    out.set('bbox', [value.bbox.west, value.bbox.south, value.bbox.east, value.bbox.north].join(','))
  if (value.sort !== (value.q ? 'relevance' : 'newest')) out.set('sort', value.sort)
  if (value.page > 1) out.set('page', String(value.page))
  if (options.keepPerPage && value.perPage !== PAGE_SIZE) out.set('perPage', String(value.perPage))
  return out
}

export function emptyFilters(): SearchFilters {
  return {
    country: [],
    sector: [],
    region: [],
    district: [],
    coop: [],
    offers: [],
    seeks: [],
    size: [],
    verified: null,
  }
}

export function hasFilters(filters: SearchFilters, bbox: BBox | null = null) {
  return listFacets.some((f) => filters[f].length > 0) || filters.verified !== null || bbox !== null
}
