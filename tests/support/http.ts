/** Calls route loaders and actions the way React Router does, with a tiny cookie jar. */

export type Jar = Map<string, string>

export function newJar(): Jar {
  return new Map()
}

function cookieHeader(jar?: Jar, locale?: 'ru' | 'en') {
  // An explicit locale wins over the language cookie the jar picked up at sign-in.
  const parts = jar ? [...jar].filter(([k]) => !(locale && k === 'lang')).map(([k, v]) => `${k}=${v}`) : []
  if (locale) parts.push(`lang=${btoa(JSON.stringify(locale))}`)
  return parts.join('; ')
}

export function absorb(jar: Jar, headers: Headers | undefined) {
  if (!headers) return
  for (const cookie of headers.getSetCookie()) {
    const pair = cookie.split(';')[0] ?? ''
    const index = pair.indexOf('=')
    const name = pair.slice(0, index)
    const value = pair.slice(index + 1)
    if (/max-age=0/i.test(cookie) || value === '') jar.delete(name)
    else jar.set(name, value)
  }
}

export type Options = { jar?: Jar; locale?: 'ru' | 'en'; ip?: string; params?: Record<string, string> }

export function makeRequest(
  path: string,
  init: { method?: string; form?: Record<string, string | string[]> } & Options = {},
) {
  const headers = new Headers()
  const cookie = cookieHeader(init.jar, init.locale)
  if (cookie) headers.set('Cookie', cookie)
  let body: FormData | undefined
  if (init.form) {
    body = new FormData()
    for (const [key, value] of Object.entries(init.form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
  }
  return new Request(`http://localhost${path}`, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  })
}

export type Outcome = { status: number; data: unknown; headers: Headers; location: string | null }

/** Runs a loader or action and normalises what it returned or threw (data(), redirect, plain object). */
export async function run(
  fn: (args: never) => unknown,
  path: string,
  init: { method?: string; form?: Record<string, string | string[]> } & Options = {},
): Promise<Outcome> {
  const request = makeRequest(path, init)
  let result: unknown
  try {
    result = await fn({
      request,
      params: init.params ?? {},
      context: { clientIp: init.ip ?? '10.0.0.1' },
    } as never)
  } catch (thrown) {
    result = thrown
  }
  let outcome: Outcome
  if (result instanceof Response) {
    outcome = {
      status: result.status,
      data: null,
      headers: result.headers,
      location: result.headers.get('Location'),
    }
  } else if (
    result &&
    typeof result === 'object' &&
    'type' in result &&
    (result as { type: string }).type === 'DataWithResponseInit'
  ) {
    const d = result as unknown as { data: unknown; init: { status?: number; headers?: HeadersInit } | null }
    outcome = {
      status: d.init?.status ?? 200,
      data: d.data,
      headers: new Headers(d.init?.headers),
      location: null,
    }
  } else if (result instanceof Error) {
    throw result
  } else {
    outcome = { status: 200, data: result, headers: new Headers(), location: null }
  }
  if (init.jar) absorb(init.jar, outcome.headers)
  return outcome
}
