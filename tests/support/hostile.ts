import { type Kysely, sql } from 'kysely'
import { expect } from 'vitest'
import type { Database } from '#db/schema'
import type { Jar } from './http'

/**
 * The hostile-input suite's tools: a corpus of bad values, requests that carry them (forms with
 * repeated keys and files, raw broken bodies, bearer headers), a call that records what a route did
 * instead of throwing, and a database snapshot (row counts and a content hash per table).
 */

export type FormValue = string | string[] | Blob
export type HostileForm = Record<string, FormValue>

const text = (n: number, ch = 'x') => ch.repeat(n)

/** Strings no field accepts as they are: wrong length, bytes, encodings or shapes. */
export const badStrings: Record<string, string> = {
  overlong: text(100_000),
  overlongCyrillic: text(100_000, 'я'),
  nul: 'a\u0000b',
  nulOnly: '\u0000',
  controls: '\u0001\u0007\u001b[31m\u007f',
  loneSurrogates: '\ud800x\udfff',
}

/** Values that are wrong for anything numeric, coded or identifying. */
export const badScalars: Record<string, string> = {
  ...badStrings,
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  sql: "'; drop table users; --",
  sqlOr: '1 OR 1=1',
  negative: '-1',
  zero: '0',
  huge: '99999999999999999999999999',
  float: '1.5',
  exponent: '1e309',
  nan: 'NaN',
  infinity: 'Infinity',
  minusInfinity: '-Infinity',
  hex: '0x10',
  json: '{"a":1}',
  proto: '__proto__',
  uuid: '00000000-0000-0000-0000-000000000000',
  unknownEnum: 'definitely_not_a_choice',
  rtl: '\u202e\u202d',
}

/** A few of each kind, for the second and later fields of one form (the suite stays fast). */
export const someBadScalars: Record<string, FormValue> = {
  overlong: text(100_000),
  nul: 'a\u0000b',
  html: '<script>alert(1)</script>',
  sql: "'; drop table users; --",
  huge: '99999999999999999999999999',
  hex: '0x10',
  nan: 'NaN',
  unknownEnum: 'definitely_not_a_choice',
  file: new Blob(['x']),
}

/** Wrong types in a form: the scalar sent twice (an array), or a file where text is expected. */
export const wrongTypes = {
  array: ['a', 'b'],
  file: new Blob(['<html>not text</html>'], { type: 'text/html' }),
} satisfies Record<string, FormValue>

/** Every bad value for a field: a corpus per kind of field. */
export function corpusFor(kind: 'scalar' | 'text'): Record<string, FormValue> {
  return kind === 'text' ? { ...badStrings, file: wrongTypes.file } : { ...badScalars, ...wrongTypes }
}

/** Bad values for query parameters (invalid percent-encoding goes in raw, see rawQuery). */
export const badQueryValues: Record<string, string> = {
  ...badScalars,
  lat91: '91',
  lng181: '181',
  abc: 'abc',
  commas: ',,,,',
  manyValues: Array.from({ length: 500 }, (_, i) => `V${i}`).join(','),
}

/** Percent-encoded byte sequences that are not UTF-8, and an encoded lone surrogate. */
export const brokenPercent = ['%FF', '%C3%28', '%ED%A0%80', '%E0%80%AF', '%', '%G0', '%00']

function formData(form: HostileForm) {
  const body = new FormData()
  for (const [key, value] of Object.entries(form)) {
    if (value instanceof Blob) body.append(key, value, 'evil.html')
    else for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  }
  return body
}

export type Body = { form: HostileForm } | { raw: BodyInit; contentType: string | null }

export function hostileRequest(
  path: string,
  init: { method?: string; body?: Body; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: BodyInit | undefined
  if (init.body && 'form' in init.body) body = formData(init.body.form)
  else if (init.body) {
    body = init.body.raw
    if (init.body.contentType) headers.set('Content-Type', init.body.contentType)
  }
  return new Request(`http://localhost${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers,
    body,
  })
}

export function cookieOf(jar: Jar | undefined) {
  return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined
}

/** Bodies that are not a well-formed form at all. */
export const brokenBodies: Record<string, { raw: BodyInit; contentType: string | null }> = {
  truncatedMultipart: {
    raw: '--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc',
    contentType: 'multipart/form-data; boundary=XyZ',
  },
  wrongBoundary: {
    raw: '--AAA\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc\r\n--AAA--\r\n',
    contentType: 'multipart/form-data; boundary=BBB',
  },
  noBoundary: { raw: 'name=abc', contentType: 'multipart/form-data' },
  json: { raw: '{"name":"abc","intent":["x"]}', contentType: 'application/json' },
  badPercent: { raw: 'intent=%FF%FE&name=%E0%80%AF&x=%', contentType: 'application/x-www-form-urlencoded' },
  noContentType: { raw: 'intent=save', contentType: null },
  binary: { raw: new Uint8Array([0, 255, 254, 0, 1, 2]), contentType: 'application/octet-stream' },
}

export type Answer = { status: number; body: string; location: string | null; thrown: string | null }

/** Runs a loader or action like the server: a thrown Response is the answer, any other throw a 500. */
export async function call(
  fn: (args: never) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Answer> {
  let result: unknown
  try {
    result = await fn({ request, params, context: { clientIp: '198.51.100.7' } } as never)
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) {
    const body = result.body ? await result.text().catch(() => '') : ''
    return { status: result.status, body, location: result.headers.get('Location'), thrown: null }
  }
  if (result && typeof result === 'object' && 'type' in result && result.type === 'DataWithResponseInit') {
    const d = result as unknown as { data: unknown; init: { status?: number; headers?: HeadersInit } | null }
    const headers = new Headers(d.init?.headers)
    return {
      status: d.init?.status ?? 200,
      body: safeJson(d.data),
      location: headers.get('Location'),
      thrown: null,
    }
  }
  if (result instanceof Error) {
    return {
      status: 500,
      body: '',
      location: null,
      thrown: `${result.name}: ${result.message}`.slice(0, 300),
    }
  }
  return { status: 200, body: safeJson(result), location: null, thrown: null }
}

function safeJson(value: unknown) {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return String(value)
  }
}

/**
 * What every bad input must get: no exception, no 5xx; a 4xx, or a 200 that re-renders the form
 * with an error. A redirect is accepted only where the route says where to (e.g. back to sign-in).
 */
export function expectRefused(answer: Answer, label: string, allowRedirectTo?: RegExp) {
  expect(answer.thrown, label).toBeNull()
  expect(answer.status, `${label}: ${answer.body.slice(0, 200)}`).toBeLessThan(500)
  if (answer.status >= 300 && answer.status < 400) {
    expect(
      allowRedirectTo && answer.location && allowRedirectTo.test(answer.location),
      `${label} → ${answer.location}`,
    ).toBe(true)
    return
  }
  if (answer.status === 200)
    expect(hasError(answer.body), `${label} answered 200 without an error`).toBe(true)
  else expect(answer.status, label).toBeGreaterThanOrEqual(400)
}

/** A 200 that re-renders a form must carry a non-empty error somewhere in its data. */
function hasError(body: string) {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return false
  }
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== 'object' || depth > 3) return false
    return Object.entries(value).some(([key, v]) => {
      if (/error/i.test(key) && v && (typeof v === 'string' || Object.keys(v).length > 0)) return true
      return visit(v, depth + 1)
    })
  }
  return visit(parsed, 0)
}

/** Only "no 5xx, no exception": for GET parameters, where ignoring a bad value is a fine answer. */
export function expectNoServerError(answer: Answer, label: string) {
  expect(answer.thrown, label).toBeNull()
  expect(answer.status, `${label}: ${answer.body.slice(0, 200)}`).toBeLessThan(500)
}

/** Tables a form could write to; the volatile ones (sessions, throttle counters) are left out. */
export const snapshotTables = [
  'users',
  'accounts',
  'role_grants',
  'api_tokens',
  'verifications',
  'countries',
  'councils',
  'sectors',
  'businesses',
  'business_sectors',
  'business_regions',
  'history',
  'search_outbox',
  'mail_outbox',
  'saved_searches',
  'forums',
  'forum_quotas',
  'nominations',
  'nomination_reviews',
  'imports',
] as const

/** Row count and a hash of every row's text per table. */
export async function snapshot(db: Kysely<Database>, tables: readonly string[] = snapshotTables) {
  const result: Record<string, string> = {}
  for (const table of tables) {
    const { rows } = await sql<{ count: string; digest: string | null }>`
      select count(*)::text as count, md5(string_agg(t::text, '|' order by t::text)) as digest
      from ${sql.table(table)} t
    `.execute(db)
    result[table] = `${rows[0]?.count}:${rows[0]?.digest ?? ''}`
  }
  return result
}

export type FieldKind = 'scalar' | 'text'

/**
 * Feeds a form action every bad value in every named field (the rest of the form as `base`), an
 * empty form and every broken body, and expects each to be refused. Returns how many requests ran.
 */
/** Values that are never a coordinate. */
export const badLatitudes: Record<string, string> = {
  lat91: '91',
  latMinus91: '-91',
  abc: 'abc',
  nan: 'NaN',
  infinity: 'Infinity',
  huge: '1e309',
  overlong: text(100_000, '1'),
  nul: '1\u0000',
}
const { lat91: _lat, latMinus91: _latMinus, ...notLongitudes } = badLatitudes
export const badLongitudes: Record<string, string> = { ...notLongitudes, lng181: '181', lngMinus181: '-181' }

export async function attackForm(options: {
  fn: (args: never) => unknown
  path: string
  jar?: Jar
  base: HostileForm
  /** Each field's corpus: a kind's, or a record of the values that are wrong for this field. */
  fields: Record<string, FieldKind | Record<string, FormValue>>
  params?: Record<string, string>
  allowRedirectTo?: RegExp
  /** Extra whole forms that must be refused too (unknown intents, other users' ids…). */
  extra?: Record<string, HostileForm>
  /** Skip the broken bodies (when another call for the same route already sent them). */
  skipBodies?: boolean
}) {
  const cookie = cookieOf(options.jar)
  let requests = 0
  const send = async (label: string, body: Body) => {
    requests++
    const answer = await call(options.fn, hostileRequest(options.path, { body, cookie }), options.params)
    expectRefused(answer, `${options.path} ${label}`, options.allowRedirectTo)
  }
  for (const [field, kind] of Object.entries(options.fields)) {
    for (const [name, value] of Object.entries(typeof kind === 'string' ? corpusFor(kind) : kind)) {
      await send(`${field}=${name}`, { form: { ...options.base, [field]: value } })
    }
  }
  for (const [name, form] of Object.entries(options.extra ?? {})) await send(name, { form })
  if (!options.skipBodies)
    for (const [name, body] of Object.entries(brokenBodies)) await send(`body ${name}`, body)
  return requests
}
