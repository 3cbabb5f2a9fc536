import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as account from '~/routes/account'
import * as forgot from '~/routes/forgot-password'
import * as reset from '~/routes/reset-password'
import * as setLocale from '~/routes/set-locale'
import * as signIn from '~/routes/sign-in'
import * as signUp from '~/routes/sign-up'
import * as verify from '~/routes/verify-email'
import { testDatabases } from '../support/databases'
import {
  attackForm,
  badQueryValues,
  brokenPercent,
  call,
  cookieOf,
  expectNoServerError,
  hostileRequest,
  snapshot,
} from '../support/hostile'
import type { Jar } from '../support/http'
import { createUser, sessionFor, TEST_PASSWORD } from '../support/users'

/** Sign-up, sign-in, password reset, e-mail confirmation, the account page and the language switch. */
describe.each(testDatabases())('hostile input to account forms on $name', ({ open }) => {
  let db: Kysely<Database>
  let user: Jar
  let before: Record<string, string>
  beforeAll(async () => {
    db = await open()
    setDb(db)
    user = await sessionFor(await createUser(db, 'target', ['wg_member']))
    await createUser(db, 'other', ['entrepreneur'])
    await db
      .insertInto('api_tokens')
      .values({ user_id: 'other', name: 'theirs', token_hash: 'x'.repeat(64), token_prefix: 'cbm_theirs' })
      .execute()
    before = await snapshot(db)
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('refuses bad sign-up fields, empty and broken forms', async () => {
    // The password is left out so a value the schema might forgive (locale falls back) still fails.
    await attackForm({
      fn: signUp.action,
      path: '/sign-up',
      base: { name: 'Ольга', email: 'olga@example.org', locale: 'ru' },
      fields: { name: 'text', email: 'scalar', password: 'text', locale: 'scalar' },
    })
    await attackForm({
      fn: signUp.action,
      path: '/sign-up',
      base: { name: 'Ольга', email: 'olga@example.org', password: 'long enough password' },
      fields: { name: 'text', email: 'scalar' },
    })
  })

  it('refuses bad sign-in, forgot-password and reset-password forms', async () => {
    await attackForm({
      fn: signIn.action,
      path: '/sign-in',
      base: { email: 'target@test.example.org', password: 'wrong password!' },
      fields: { email: 'scalar', password: 'text' },
    })
    await attackForm({ fn: forgot.action, path: '/forgot-password', base: {}, fields: { email: 'scalar' } })
    await attackForm({
      fn: reset.action,
      path: '/reset-password',
      base: { password: 'a perfectly good password' },
      fields: { password: 'text' },
    })
  })

  it('refuses bad account forms: password, delete, API tokens, other users’ tokens, unknown intents', async () => {
    const theirs = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', 'other')
      .executeTakeFirstOrThrow()
    let first = true
    for (const [intent, base, fields] of [
      ['password', { currentPassword: TEST_PASSWORD }, { newPassword: 'text' }],
      ['password', { newPassword: 'another good password' }, { currentPassword: 'text' }],
      ['delete', {}, { password: 'text' }],
      ['create-token', { expiresInDays: '30' }, { name: 'text' }],
      ['create-token', { name: 'ok' }, { expiresInDays: 'scalar' }],
      ['revoke-token', {}, { tokenId: 'scalar' }],
    ] as const) {
      await attackForm({
        fn: account.action,
        path: '/account',
        jar: user,
        base: { intent, ...base },
        fields,
        extra: first
          ? {
              'intent=unknown': { intent: 'drop' },
              'intent=array': { intent: ['password', 'delete'], password: TEST_PASSWORD },
              'revoke another user’s token': { intent: 'revoke-token', tokenId: String(theirs.id) },
            }
          : {},
        skipBodies: !first,
      })
      first = false
    }
  })

  it('ignores bad language choices and redirect targets without a 5xx', async () => {
    await attackForm({
      fn: setLocale.action,
      path: '/set-locale',
      jar: user,
      base: { redirectTo: '/' },
      fields: { locale: 'scalar', redirectTo: 'scalar' },
      // A bad language or target changes nothing and goes back to a same-site page.
      allowRedirectTo: /^\/(?!\/)/,
    })
  })

  it('answers bad confirmation and reset links without a 5xx', async () => {
    for (const [name, value] of Object.entries(badQueryValues)) {
      for (const fn of [verify.loader, reset.loader]) {
        const answer = await call(fn, hostileRequest(`/x?${new URLSearchParams({ token: value })}`))
        expectNoServerError(answer, `token=${name}`)
      }
    }
    for (const raw of brokenPercent) {
      expectNoServerError(await call(verify.loader, hostileRequest(`/verify-email?token=${raw}`)), raw)
      expectNoServerError(await call(reset.loader, hostileRequest(`/reset-password?token=${raw}`)), raw)
    }
    const page = await call(account.loader, hostileRequest('/account', { cookie: cookieOf(user) }))
    expect(page.status).toBe(200)
  })

  it('left every table as it was', async () => {
    const after = await snapshot(db)
    for (const table of Object.keys(before)) expect(after[table], table).toBe(before[table])
  })
})
