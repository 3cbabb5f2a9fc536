import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { getCurrentUser } from '~/modules/accounts/guard.server'
import { SIGN_IN_MAX_FAILURES, SIGN_IN_MAX_FAILURES_PER_IP } from '~/modules/accounts/throttle.server'
import * as account from '~/routes/account'
import * as forgot from '~/routes/forgot-password'
import * as reset from '~/routes/reset-password'
import * as setLocale from '~/routes/set-locale'
import * as signIn from '~/routes/sign-in'
import * as signOut from '~/routes/sign-out'
import * as signUp from '~/routes/sign-up'
import * as verify from '~/routes/verify-email'
import { DEMO_PASSWORD, demoAccounts, seedDemo } from '../../scripts/lib/demo/seed'
import { testDatabases } from '../support/databases'
import { type Jar, makeRequest, newJar, run } from '../support/http'

async function lastMail(db: Kysely<Database>, to: string) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_email', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
}

function linkIn(text: string) {
  const match = /https?:\/\/[^\s]+/.exec(text)
  if (!match) throw new Error(`no link in ${text}`)
  const url = new URL(match[0])
  return url.pathname + url.search
}

async function signInAs(email: string, password: string, jar: Jar = newJar(), ip = '10.0.0.1') {
  const outcome = await run(signIn.action, '/sign-in', { form: { email, password }, jar, ip })
  return { outcome, jar }
}

describe.each(testDatabases())('accounts on $name', ({ open }) => {
  let db: Kysely<Database>
  const logged: string[] = []
  beforeAll(async () => {
    db = await open()
    setDb(db)
    await seedDemo(db, { count: 60, seed: 3 })
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '))
      })
    }
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    setDb(undefined)
    await db.destroy()
  })

  it('lets every seeded demo account sign in with the demo password, with a safe session cookie', async () => {
    for (const demo of demoAccounts) {
      const { outcome, jar } = await signInAs(demo.email, DEMO_PASSWORD)
      expect(outcome.status, demo.email).toBe(302)
      expect(outcome.location).toBe('/my/listings')
      const cookie = outcome.headers.getSetCookie().join('\n')
      expect(cookie).toMatch(/HttpOnly/)
      expect(cookie).toMatch(/SameSite=Lax/i)
      const user = await getCurrentUser(db, makeRequest('/', { jar }))
      expect(user?.email).toBe(demo.email)
      expect(user?.grants.map((g) => g.role).sort()).toEqual([...demo.roles].sort())
    }
  })

  it('signs up, refuses sign-in before confirmation, confirms by the e-mailed link, then signs in', async () => {
    const email = 'Olga.New@Example.com'
    const password = 'correct horse battery'
    const up = await run(signUp.action, '/sign-up', {
      form: { name: 'Ольга', email, password, locale: 'en' },
    })
    expect(up.status).toBe(200)
    expect(JSON.stringify(up.data)).not.toContain(password)
    const mail = await lastMail(db, 'olga.new@example.com')
    expect(mail.locale).toBe('en')
    expect(mail.subject).toMatch(/Confirm your e-mail/)

    const early = await signInAs(email, password)
    expect(early.outcome.status).toBe(403)
    expect((early.outcome.data as { message: string }).message).toMatch(/не подтверждена/)
    // ...and a fresh link went out, as the message says.
    const mails = await db
      .selectFrom('mail_outbox')
      .select('kind')
      .where('to_email', '=', 'olga.new@example.com')
      .execute()
    expect(mails.map((m) => m.kind)).toEqual(['verify_email', 'verify_email'])

    const confirmed = await run(verify.loader, linkIn(mail.text_body))
    expect(confirmed.location).toBe('/sign-in?notice=verified')
    const bad = await run(verify.loader, '/verify-email?token=forged')
    expect(bad.location).toBe('/sign-in?notice=verify_failed')

    const { outcome, jar } = await signInAs(email, password)
    expect(outcome.status).toBe(302)
    const user = await getCurrentUser(db, makeRequest('/', { jar }))
    expect(user?.grants.map((g) => g.role)).toEqual(['entrepreneur'])
    expect(user?.locale).toBe('en')
    // Signing in switches the site to the person's language; switching it back changes their e-mails' language.
    expect(outcome.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(true)
    await run(setLocale.action, '/set-locale', { form: { locale: 'ru', redirectTo: '/' }, jar })
    const row = await db
      .selectFrom('users')
      .select('locale')
      .where('email', '=', 'olga.new@example.com')
      .executeTakeFirstOrThrow()
    expect(row.locale).toBe('ru')

    // The same address again: the same answer, no second account, a notice to the owner.
    const again = await run(signUp.action, '/sign-up', {
      form: { name: 'X', email: 'olga.new@example.com', password },
    })
    expect(again.status).toBe(200)
    const count = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', 'ilike', 'olga.new@example.com')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('refuses a blocked account at sign-in and ends its running sessions', async () => {
    const { jar } = await signInAs('chair@demo.example.org', DEMO_PASSWORD, newJar(), '10.9.9.9')
    await db.updateTable('users').set({ blocked_at: new Date() }).where('id', '=', 'demo-chair').execute()
    expect(await getCurrentUser(db, makeRequest('/', { jar }))).toBeNull()
    const refused = await signInAs('chair@demo.example.org', DEMO_PASSWORD, newJar(), '10.9.9.9')
    expect(refused.outcome.status).toBe(403)
    expect((refused.outcome.data as { message: string }).message).toMatch(/заблокирован/)
    await db.updateTable('users').set({ blocked_at: null }).where('id', '=', 'demo-chair').execute()
  })

  it('rotates the session on sign-in and ends it on sign-out', async () => {
    const first = await signInAs('wg@demo.example.org', DEMO_PASSWORD)
    const before = first.jar.get('cbm.session_token') ?? ''
    const oldCount = await db.selectFrom('sessions').select('id').where('user_id', '=', 'demo-wg').execute()
    const second = await signInAs('wg@demo.example.org', DEMO_PASSWORD, first.jar)
    expect(second.outcome.status).toBe(302)
    expect(second.jar.get('cbm.session_token')).toBeTruthy()
    expect(second.jar.get('cbm.session_token')).not.toBe(before)
    const newCount = await db.selectFrom('sessions').select('id').where('user_id', '=', 'demo-wg').execute()
    expect(newCount.length).toBe(oldCount.length)
    expect(
      await getCurrentUser(db, makeRequest('/', { jar: new Map([['cbm.session_token', before]]) })),
    ).toBeNull()

    await run(signOut.action, '/sign-out', { method: 'POST', form: {}, jar: second.jar })
    expect(await getCurrentUser(db, makeRequest('/', { jar: second.jar }))).toBeNull()
  })

  it('answers bad input with 400 and field messages in the viewer language, keeping the typed e-mail', async () => {
    const ru = await run(signUp.action, '/sign-up', {
      form: { name: '', email: 'not-an-email', password: 'short' },
    })
    expect(ru.status).toBe(400)
    const data = ru.data as { errors: Record<string, string>; values: Record<string, string> }
    expect(data.errors.email).toMatch(/адрес эл. почты/)
    expect(data.errors.password).toMatch(/не короче 10/)
    expect(data.errors.name).toBeTruthy()
    expect(data.values.email).toBe('not-an-email')
    expect(data.values.password).toBeUndefined()
    const en = await run(signIn.action, '/sign-in', { form: { email: 'x', password: '' }, locale: 'en' })
    expect(en.status).toBe(400)
    expect((en.data as { errors: Record<string, string> }).errors.email).toMatch(/Enter an e-mail/)
  })

  it('throttles sign-in per account after repeated failures, even for the right password', async () => {
    const email = 'council-cn@demo.example.org'
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      const { outcome } = await signInAs(email, `wrong-${i}`, newJar(), `192.0.2.${i}`)
      expect(outcome.status).toBe(401)
      expect((outcome.data as { message: string }).message).toBe('Неверная эл. почта или пароль.')
    }
    const { outcome } = await signInAs(email, DEMO_PASSWORD, newJar(), '192.0.2.200')
    expect(outcome.status).toBe(429)
    expect((outcome.data as { message: string }).message).toMatch(/Слишком много неудачных попыток.*15 мин/)
  })

  it('throttles sign-in per IP across accounts', async () => {
    const ip = '198.51.100.7'
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_IP; i++) {
      const { outcome } = await signInAs(`nobody${i}@example.org`, 'whatever-password', newJar(), ip)
      expect(outcome.status).toBe(401)
    }
    const blocked = await signInAs('chair@demo.example.org', DEMO_PASSWORD, newJar(), ip)
    expect(blocked.outcome.status).toBe(429)
    const elsewhere = await signInAs('chair@demo.example.org', DEMO_PASSWORD, newJar(), '198.51.100.8')
    expect(elsewhere.outcome.status).toBe(302)
  })

  it('resets a password by the e-mailed link, without the token in the page, once', async () => {
    const email = 'council-jp@demo.example.org'
    const asked = await run(forgot.action, '/forgot-password', { form: { email } })
    expect(asked.status).toBe(200)
    const unknown = await run(forgot.action, '/forgot-password', { form: { email: 'ghost@example.org' } })
    expect(unknown.data).toEqual(asked.data)
    const mail = await lastMail(db, email)
    expect(mail.kind).toBe('reset_password')
    expect(mail.subject).toMatch(/Смена пароля/)
    const link = linkIn(mail.text_body)
    const token = new URL(`http://x${link}`).searchParams.get('token') ?? 'missing'
    // The stored verification row does not hold the token itself.
    const stored = await db.selectFrom('verifications').select(['identifier', 'value']).execute()
    expect(JSON.stringify(stored)).not.toContain(token)

    const jar = newJar()
    const landing = await run(reset.loader, link, { jar })
    expect(landing.location).toBe('/reset-password')
    const page = await run(reset.loader, '/reset-password', { jar })
    expect(page.data).toEqual({ valid: true })
    const short = await run(reset.action, '/reset-password', { form: { password: 'short' }, jar })
    expect(short.status).toBe(400)
    const done = await run(reset.action, '/reset-password', {
      form: { password: 'a brand new password' },
      jar,
    })
    expect(done.location).toBe('/sign-in?notice=reset')

    expect((await signInAs(email, DEMO_PASSWORD)).outcome.status).toBe(401)
    expect((await signInAs(email, 'a brand new password')).outcome.status).toBe(302)
    const replayJar = newJar()
    await run(reset.loader, link, { jar: replayJar })
    const replay = await run(reset.action, '/reset-password', {
      form: { password: 'yet another password' },
      jar: replayJar,
    })
    expect(replay.status).toBe(400)
  })

  it('limits e-mails sent to one address through the anonymous forms', async () => {
    const email = 'flood-target@example.org'
    for (let i = 0; i < 3; i++) {
      expect(
        (await run(forgot.action, '/forgot-password', { form: { email }, ip: `10.7.0.${i}` })).status,
      ).toBe(200)
    }
    const fourth = await run(forgot.action, '/forgot-password', { form: { email }, ip: '10.7.0.9' })
    expect(fourth.status).toBe(429)
    expect((fourth.data as { errors: { email: string } }).errors.email).toMatch(/Слишком много писем/)
    const viaSignUp = await run(signUp.action, '/sign-up', {
      form: { name: 'X', email, password: 'long enough password' },
      ip: '10.7.0.10',
    })
    expect(viaSignUp.status).toBe(429)
  })

  it('changes the password (current one required) and signs other sessions out', async () => {
    const email = 'admin@demo.example.org'
    const other = await signInAs(email, DEMO_PASSWORD)
    const { jar } = await signInAs(email, DEMO_PASSWORD)
    const wrong = await run(account.action, '/account', {
      form: { intent: 'password', currentPassword: 'nope-nope-nope', newPassword: 'admin password two' },
      jar,
    })
    expect(wrong.status).toBe(400)
    const ok = await run(account.action, '/account', {
      form: { intent: 'password', currentPassword: DEMO_PASSWORD, newPassword: 'admin password two' },
      jar,
    })
    expect(ok.status).toBe(200)
    expect(await getCurrentUser(db, makeRequest('/', { jar }))).not.toBeNull()
    expect(await getCurrentUser(db, makeRequest('/', { jar: other.jar }))).toBeNull()
    expect((await signInAs(email, 'admin password two')).outcome.status).toBe(302)
  })

  it('deletes an account: listings archived, drafts dropped, history kept, cannot sign in again', async () => {
    const email = 'entrepreneur@demo.example.org'
    const { jar } = await signInAs(email, DEMO_PASSWORD)
    const owned = await db
      .selectFrom('businesses')
      .select(['id', 'status'])
      .where('owner_id', '=', 'demo-entrepreneur')
      .execute()
    expect(owned.length).toBeGreaterThan(0)
    const refused = await run(account.action, '/account', {
      form: { intent: 'delete', password: 'wrong-wrong' },
      jar,
    })
    expect(refused.status).toBe(400)
    const deleted = await run(account.action, '/account', {
      form: { intent: 'delete', password: DEMO_PASSWORD },
      jar,
    })
    expect(deleted.location).toBe('/sign-in?notice=deleted')
    const after = await db
      .selectFrom('businesses')
      .select('status')
      .where('owner_id', '=', 'demo-entrepreneur')
      .execute()
    expect(after.every((b) => b.status === 'archived')).toBe(true)
    const history = await db
      .selectFrom('history')
      .select('action')
      .where('actor_id', '=', 'demo-entrepreneur')
      .execute()
    expect(history.filter((h) => h.action === 'archived').length).toBe(after.length)
    expect((await signInAs(email, DEMO_PASSWORD)).outcome.status).toBe(401)
    expect(await getCurrentUser(db, makeRequest('/', { jar }))).toBeNull()
  })

  it('never writes a password or a token to the log', async () => {
    const secrets = [DEMO_PASSWORD, 'correct horse battery', 'a brand new password', 'admin password two']
    const tokens = (await db.selectFrom('mail_outbox').select('text_body').execute()).flatMap((m) =>
      [...m.text_body.matchAll(/token=([^\s&]+)/g)].map((x) => x[1] ?? ''),
    )
    expect(tokens.length).toBeGreaterThan(0)
    const text = logged.join('\n')
    for (const secret of [...secrets, ...tokens]) expect(text).not.toContain(secret)
  })
})
