import type { Kysely } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { type BusinessCard, type ContactAccess, getPublishedCard } from '~/modules/businesses/card.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { isLocale } from '~/modules/i18n/locales'
import { makeTranslator } from '~/modules/i18n/translate'
import type { SearchHit, SearchResult } from './engine'
import { describeIssues } from './errors'
import type { ParseResult } from './params'

/** JSON shapes of /api/v1 (described in app/modules/search/openapi.ts). */
export type ApiHit = Omit<SearchHit, 'status'> & { status: string; url: string }

export function apiSearchBody(result: SearchResult, query: URLSearchParams) {
  return {
    hits: result.hits.map((h): ApiHit => ({ ...h, url: `/businesses/${h.id}` })),
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    pages: result.pages,
    facets: result.facets,
    correctedQuery: result.correctedQuery,
    query: query.toString(),
  }
}

export function apiErrorBody(locale: Locale, parsed: Extract<ParseResult, { ok: false }>) {
  const t = makeTranslator(locale)
  const messages = describeIssues(t, parsed.issues)
  const first = parsed.issues[0]
  return {
    error: {
      code: 'invalid_parameter',
      parameter: first?.param ?? 'q',
      message: (first && messages[first.param]) ?? t('api.error.badRequest'),
      issues: parsed.issues.map((issue) => ({
        ...issue,
        message: messages[issue.param] ?? t('api.error.badRequest'),
      })),
    },
  }
}

export function apiNotFoundBody(locale: Locale) {
  return { error: { code: 'not_found', message: makeTranslator(locale)('api.error.notFound') } }
}

/** The API's language: `?lang=ru|en`, else the visitor's cookie, else Russian. */
export async function apiLocale(request: Request): Promise<Locale> {
  const lang = new URL(request.url).searchParams.get('lang')
  return isLocale(lang) ? lang : getLocale(request)
}

/** A listing for the API: published only; contacts as the viewer may see them (see viewer.server.ts). */
export function apiBusiness(
  db: Kysely<Database>,
  id: number,
  access: ContactAccess,
): Promise<BusinessCard | null> {
  return getPublishedCard(db, id, access)
}

/** The engine's step timings as a Server-Timing header (visible in the browser's network panel). */
export function serverTiming(timings: Record<string, number> | undefined) {
  return Object.entries(timings ?? {})
    .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
    .join(', ')
}
