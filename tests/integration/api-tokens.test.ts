import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { hashToken, MAX_ACTIVE_TOKENS } from '~/modules/accounts/api-tokens.server'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import * as account from '~/routes/account'
import * as businessApi from '~/routes/api.v1.businesses'
import * as businessByIdApi from '~/routes/api.v1.businesses.$id'
import * as openApi from '~/routes/api.v1.openapi[.]json'
import * as exportRoute from '~/routes/export'
import * as forumExport from '~/routes/forum/forum-export'
import * as myListings from '~/routes/my/listings'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type Loader = (args: never) => unknown

/** Calls a loader or action the way the server does, with an Authorization header. */
async function withToken(
  fn: Loader,
  path: string,
  token: string,
  init: { method?: string; form?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const headers = new Headers({ Authorization: `Bearer ${token}` })
  let body: FormData | undefined
  if (init.form) {
    body = new FormData()
    for (const [k, v] of Object.entries(init.form)) body.append(k, v)
  }
  const request = new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body })
  let result: unknown
  try {
    result = await fn({ request, params: init.params ?? {}, context: {} } as never)
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) {
    const text = await result.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {}
    return { status: result.status, json, text, headers: result.headers }
  }
  if (result && typeof result === 'object' && 'type' in result && result.type === 'DataWithResponseInit') {
    const d = result as unknown as { data: unknown; init: { status?: number } | null }
    return {
      status: d.init?.status ?? 200,
      json: d.data,
      text: JSON.stringify(d.data),
      headers: new Headers(),
    }
  }
  if (result instanceof Error) throw result
  return { status: 200, json: result, text: JSON.stringify(result), headers: new Headers() }
}

type TokenData = { created: { token: string } | null; errors: Record<string, string>; message: string | null }

async function createToken(jar: Jar, name: string, expiresInDays = '') {
  const outcome = await run(account.action, '/account', {
    jar,
    form: { intent: 'create-token', name, expiresInDays },
  })
  return { status: outcome.status, data: outcome.data as TokenData }
}

describe.each(testDatabases())('API tokens on $name', ({ open }) => {
  let db: Kysely<Database>
  let wg: Jar
  let owner: Jar
  let forumId: number
  let pendingId: number
  let publishedId: number
  beforeAll(async () => {
    db = await open()
    setDb(db)
    wg = await sessionFor(await createUser(db, 'wg', ['wg_member']))
    owner = await sessionFor(await createUser(db, 'owner', ['entrepreneur']))
    const base = {
      country_code: 'JP',
      city: 'Tokyo',
      city_geoname_id: null,
      lat: 35.68,
      lon: 139.69,
      consent_at: new Date().toISOString(),
      phone: '+81399990000',
      public_phone: false,
    }
    const rows = await db
      .insertInto('businesses')
      .values([
        {
          ...base,
          name_ru: 'ООО «Токен Опубликован»',
          status: 'published',
          published_at: new Date().toISOString(),
        },
        { ...base, name_ru: 'ООО «Токен Ждёт»', status: 'pending' },
      ])
      .returning('id')
      .execute()
    publishedId = rows[0]?.id ?? 0
    pendingId = rows[1]?.id ?? 0
    await onBusinessesChanged(
      db,
      rows.map((r) => r.id),
    )
    const forum = await db
      .insertInto('forums')
      .values({ title_ru: 'Форум', title_en: 'Forum', year: 2027, status: 'open', default_quota: 2 })
      .returning('id')
      .executeTakeFirstOrThrow()
    forumId = forum.id
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('creates a token shown once, stores only its hash and prefix, and lists it on the account page', async () => {
    const { status, data } = await createToken(wg, '  Отчёт рабочей группы  ', '90')
    expect(status).toBe(200)
    const token = data.created?.token ?? ''
    expect(token).toMatch(/^cbm_[A-Za-z0-9_-]{43}$/)
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', 'wg')
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashToken(token))
    expect(row.token_prefix).toBe(token.slice(0, 12))
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row.name).toBe('Отчёт рабочей группы')
    const days = ((row.expires_at?.getTime() ?? 0) - row.created_at.getTime()) / 86_400_000
    expect(days).toBeCloseTo(90, 3)
    const page = (await run(account.loader, '/account', { jar: wg })).data as {
      tokens: { name: string; prefix: string; state: string }[]
    }
    expect(page.tokens).toEqual([expect.objectContaining({ name: 'Отчёт рабочей группы', state: 'active' })])
    expect(JSON.stringify(page)).not.toContain(token)
  })

  it('reads the API and exports with the owner’s roles, and records the last use', async () => {
    const token = (await createToken(wg, 'wg reader')).data.created?.token ?? ''
    const staff = await withToken(businessApi.loader, '/api/v1/businesses?q=Токен', token)
    expect(staff.status).toBe(200)
    expect(JSON.stringify(staff.json)).toContain('Ждёт')
    const anonymous = await run(businessApi.loader, '/api/v1/businesses?q=Токен')
    expect(JSON.stringify(anonymous.data)).not.toContain('Ждёт')

    const card = await withToken(businessByIdApi.loader, `/api/v1/businesses/${publishedId}`, token, {
      params: { id: String(publishedId) },
    })
    expect(card.text).toContain('+81399990000')

    const csv = await withToken(exportRoute.loader, '/export.csv?country=JP', token)
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('Ждёт')
    expect(csv.text).toContain('+81399990000')

    const forumCsv = await withToken(forumExport.loader, `/forums/${forumId}/export.csv`, token, {
      params: { id: String(forumId) },
    })
    expect(forumCsv.status).toBe(200)
    const used = await db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow()
    expect(used.last_used_at).toBeInstanceOf(Date)
  })

  it('gives an entrepreneur’s token what the entrepreneur sees: public contacts, no forum export', async () => {
    const token = (await createToken(owner, 'mine')).data.created?.token ?? ''
    const csv = await withToken(exportRoute.loader, '/export.csv?country=JP', token)
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('Опубликован')
    expect(csv.text).not.toContain('Ждёт')
    expect(csv.text).not.toContain('+81399990000')
    const forumCsv = await withToken(forumExport.loader, `/forums/${forumId}/export.csv`, token, {
      params: { id: String(forumId) },
    })
    expect(forumCsv.status).toBe(403)
    const pending = await withToken(businessByIdApi.loader, `/api/v1/businesses/${pendingId}`, token, {
      params: { id: String(pendingId) },
    })
    expect(pending.status).toBe(404)
  })

  it('answers garbage, revoked and expired tokens with 401 and a message in ru or en', async () => {
    const garbage = await withToken(businessApi.loader, '/api/v1/businesses', 'nonsense')
    expect(garbage.status).toBe(401)
    expect(garbage.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(garbage.json).toEqual({
      error: { code: 'token_invalid', message: expect.stringMatching(/Токен API/) },
    })
    const unknown = await withToken(businessApi.loader, '/api/v1/businesses?lang=en', `cbm_${'A'.repeat(43)}`)
    expect(unknown.status).toBe(401)
    expect(unknown.json).toMatchObject({ error: { message: expect.stringMatching(/not recognised/) } })

    const revokedToken = (await createToken(wg, 'to revoke')).data.created?.token ?? ''
    const row = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(revokedToken))
      .executeTakeFirstOrThrow()
    const revoke = await run(account.action, '/account', {
      jar: wg,
      form: { intent: 'revoke-token', tokenId: String(row.id) },
    })
    expect(revoke.status).toBe(200)
    const revoked = await withToken(exportRoute.loader, '/export.csv?lang=en', revokedToken)
    expect(revoked.status).toBe(401)
    expect(revoked.json).toMatchObject({
      error: { code: 'token_revoked', message: expect.stringMatching(/revoked/) },
    })

    const expiringToken = (await createToken(wg, 'short', '30')).data.created?.token ?? ''
    await db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(expiringToken))
      .execute()
    const expired = await withToken(businessApi.loader, '/api/v1/businesses', expiringToken)
    expect(expired.status).toBe(401)
    expect(expired.json).toMatchObject({ error: { code: 'token_expired' } })
  })

  it('never lets a token change anything or open pages', async () => {
    const token = (await createToken(wg, 'read only')).data.created?.token ?? ''
    const before = await db.selectFrom('api_tokens').select('id').execute()
    const post = await withToken(account.action, '/account', token, {
      method: 'POST',
      form: { intent: 'create-token', name: 'sneaky' },
    })
    expect(post.status).toBe(403)
    expect(post.json).toMatchObject({ error: { code: 'token_read_only' } })
    expect(await db.selectFrom('api_tokens').select('id').execute()).toEqual(before)
    const page = await withToken(myListings.loader, '/my/listings', token)
    expect(page.status).toBe(403)
    const exportPost = await withToken(exportRoute.loader, '/export.csv', token, { method: 'POST' })
    expect(exportPost.status).toBe(403)
  })

  it('stops a blocked user’s tokens', async () => {
    await createUser(db, 'blocked', ['wg_member'])
    const jar = await sessionFor('blocked@test.example.org')
    const token = (await createToken(jar, 'soon blocked')).data.created?.token ?? ''
    expect((await withToken(businessApi.loader, '/api/v1/businesses', token)).status).toBe(200)
    await db.updateTable('users').set({ blocked_at: new Date() }).where('id', '=', 'blocked').execute()
    expect((await withToken(businessApi.loader, '/api/v1/businesses', token)).status).toBe(401)
  })

  it('describes the bearer scheme in the OpenAPI document', async () => {
    const doc = (await run(openApi.loader, '/api/v1/openapi.json')).data as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> }
      paths: Record<string, { get: { responses: Record<string, unknown> } }>
    }
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.paths['/api/v1/businesses']?.get.responses['401']).toBeTruthy()
  })

  it('lets nobody revoke someone else’s token', async () => {
    const token = (await createToken(wg, 'not yours')).data.created?.token ?? ''
    const row = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow()
    const attempt = await run(account.action, '/account', {
      jar: owner,
      form: { intent: 'revoke-token', tokenId: String(row.id) },
    })
    expect(attempt.status).toBe(404)
    const anonymous = await run(account.action, '/account', {
      form: { intent: 'revoke-token', tokenId: String(row.id) },
    })
    expect(anonymous.status).toBe(302)
    expect((await withToken(businessApi.loader, '/api/v1/businesses', token)).status).toBe(200)
  })

  it('refuses bad names, expiries and ids with 400/404 and caps the active tokens', async () => {
    expect((await createToken(owner, '   ')).status).toBe(400)
    expect((await createToken(owner, 'x'.repeat(101))).data.errors.name).toMatch(/100/)
    expect((await createToken(owner, 'ok', '7')).data.errors.expiresInDays).toBeTruthy()
    for (const tokenId of ['abc', '-1', '99999999999', '']) {
      const outcome = await run(account.action, '/account', {
        jar: owner,
        form: { intent: 'revoke-token', tokenId },
      })
      expect(outcome.status, tokenId).toBe(404)
    }
    await createUser(db, 'hoarder', ['entrepreneur'])
    const jar = await sessionFor('hoarder@test.example.org')
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) expect((await createToken(jar, `t${i}`)).status).toBe(200)
    const over = await createToken(jar, 'one more')
    expect(over.status).toBe(400)
    expect(over.data.errors.form).toMatch(/10/)
  })
})
