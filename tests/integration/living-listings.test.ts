import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { getCard } from '~/modules/businesses/card.server'
import { emptyFilters } from '~/modules/search/params'
import { matchingIds } from '~/modules/search/pg-engine.server'
import { saveSetting } from '~/modules/settings/settings.server'
import { signConfirmToken } from '~/modules/upkeep/confirm-token.server'
import { requestConfirmations } from '~/modules/upkeep/confirmations.server'
import type { UpkeepOverview } from '~/modules/upkeep/dashboard.server'
import { syncVerificationFlags } from '~/modules/upkeep/verification-expiry.server'
import * as confirmPage from '~/routes/confirm-listing'
import * as myListings from '~/routes/my/listings'
import * as upkeep from '~/routes/upkeep'
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
import { type Jar, run } from '../support/http'
import { publishListing } from '../support/listings'
import { createUser, sessionFor } from '../support/users'

const DAY = 24 * 60 * 60 * 1000
const monthsAgo = (months: number, days = 0) =>
  sql<Date>`now() - make_interval(months => ${months}, days => ${days})`
const noFilters = emptyFilters()

describe.each(testDatabases())('living listings on $name', ({ openRestartable }) => {
  let db: Kysely<Database>
  let restart: () => Promise<Kysely<Database>>
  const jar = {} as Record<'owner' | 'stranger' | 'coordinator' | 'wg', Jar>

  beforeAll(async () => {
    const opened = await openRestartable()
    db = opened.db
    restart = opened.restart
    setDb(db)
    jar.owner = await sessionFor(await createUser(db, 'll-owner', ['entrepreneur']))
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', 'll-owner').execute()
    jar.stranger = await sessionFor(await createUser(db, 'll-stranger', ['entrepreneur']))
    jar.coordinator = await sessionFor(await createUser(db, 'll-coord', ['council_coordinator'], 'JP'))
    await db
      .updateTable('councils')
      .set({ name_ru: 'Координационный совет в Японии', name_en: 'Coordination Council in Japan' })
      .where('country_code', '=', 'JP')
      .execute()
    jar.wg = await sessionFor(await createUser(db, 'll-wg', ['wg_member']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  const publish = (name: string, country = 'JP', owner: string | null = null) =>
    publishListing(db, { name, country, owner })
  const setDates = (id: number, values: { verified_at?: unknown; confirmed_at?: unknown }) =>
    db
      .updateTable('businesses')
      .set(values as never)
      .where('id', '=', id)
      .execute()
  const searchFlag = async (id: number) =>
    (
      await db
        .selectFrom('business_search')
        .select('verified')
        .where('business_id', '=', id)
        .executeTakeFirst()
    )?.verified
  const verifiedIds = () =>
    matchingIds(db, { q: '', filters: { ...noFilters, verified: true }, bbox: null, audience: 'public' })

  it('lets a verification expire after the admin’s period: search, filter and card follow', async () => {
    const fresh = await publish('Verified recently')
    const old = await publish('Verified long ago')
    await setDates(fresh, { verified_at: monthsAgo(23) })
    await setDates(old, { verified_at: monthsAgo(24, 1) })
    // Written directly (as time passing would leave them): the search rows still say verified.
    await sql`update business_search set verified = true where business_id in (${fresh}, ${old})`.execute(db)

    expect(await syncVerificationFlags(db)).toEqual({ refreshed: 1 })
    expect(await searchFlag(fresh)).toBe(true)
    expect(await searchFlag(old)).toBe(false)
    const ids = await verifiedIds()
    expect(ids).toContain(fresh)
    expect(ids).not.toContain(old)
    expect(await syncVerificationFlags(db)).toEqual({ refreshed: 0 })

    const card = await getCard(db, old, 'public', () => true)
    expect(card?.verified).toBe(false)
    expect(card?.verification?.current).toBe(false)
    expect(card?.upkeep).toBeNull()
    const current = await getCard(db, fresh, 'all', () => true)
    expect(current?.verification).toMatchObject({
      current: true,
      countryCode: 'JP',
      councilRu: 'Координационный совет в Японии',
      councilEn: 'Coordination Council in Japan',
    })
    // 23 months ago + 24 months: about a month from now.
    const expires = new Date(current?.verification?.expiresAt as string).getTime()
    expect(expires - Date.now()).toBeGreaterThan(25 * DAY)
    expect(expires - Date.now()).toBeLessThan(35 * DAY)

    // A shorter period set by the admin ends the recent verification too; a longer one restores both.
    await saveSetting(db, 'verificationValidityMonths', 12, 'll-wg')
    await syncVerificationFlags(db)
    expect(await searchFlag(fresh)).toBe(false)
    await saveSetting(db, 'verificationValidityMonths', 36, 'll-wg')
    expect(await syncVerificationFlags(db)).toEqual({ refreshed: 2 })
    expect(await verifiedIds()).toEqual(expect.arrayContaining([fresh, old]))
    await saveSetting(db, 'verificationValidityMonths', 24, 'll-wg')
    await syncVerificationFlags(db)
  })

  it('shows coordinators their countries’ expiring verifications and stale listings, the working group all', async () => {
    const expiring = await publish('Expiring soon')
    const later = await publish('Expiring later')
    const stale = await publish('Silent for long')
    const chinaStale = await publish('Silent in China', 'CN')
    await setDates(expiring, { verified_at: monthsAgo(23) })
    await setDates(later, { verified_at: monthsAgo(20) })
    await setDates(stale, { confirmed_at: monthsAgo(18, 1) })
    await setDates(chinaStale, { confirmed_at: monthsAgo(19) })

    const coordinator = await run(upkeep.loader, '/upkeep', { jar: jar.coordinator })
    expect(coordinator.status).toBe(200)
    const mine = (coordinator.data as { overview: UpkeepOverview }).overview
    const names = (list: { items: { name: string }[] }) => list.items.map((i) => i.name)
    expect(names(mine.expiring)).toContain('Expiring soon')
    expect(names(mine.expiring)).not.toContain('Expiring later')
    expect(names(mine.stale)).toEqual(['Silent for long'])
    expect(names(mine.expired)).toContain('Verified long ago')

    const wg = (await run(upkeep.loader, '/upkeep', { jar: jar.wg })).data as { overview: UpkeepOverview }
    expect(names(wg.overview.stale)).toEqual(['Silent in China', 'Silent for long'])

    expect((await run(upkeep.loader, '/upkeep', { jar: jar.stranger })).status).toBe(403)
    const anonymous = await run(upkeep.loader, '/upkeep')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/sign-in/)

    const staleCard = await getCard(db, stale, 'all', () => true)
    expect(staleCard?.upkeep?.stale).toBe(true)
  })

  it('asks owners once a year, reminds later, and never twice — not even after a restart', async () => {
    const due = await publish('Owner listing due', 'JP', 'll-owner')
    const recent = await publish('Owner listing recent', 'JP', 'll-owner')
    const ownerless = await publish('Imported listing')
    await setDates(due, { confirmed_at: monthsAgo(12, 1) })
    await setDates(recent, { confirmed_at: monthsAgo(11) })
    await setDates(ownerless, { confirmed_at: monthsAgo(13) })
    const mails = () =>
      db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('kind', '=', 'listing_confirmation')
        .orderBy('id')
        .execute()

    expect(await requestConfirmations(db)).toEqual({ queued: 1 })
    const [mail] = await mails()
    expect(mail?.to_email).toBe('ll-owner@test.example.org')
    expect(mail?.subject).toBe(
      'Are the details of “Owner listing due” on the Russian business map still current?',
    )
    expect(mail?.text_body).toMatch(/\/confirm\?token=\d+\.\d+\.[\w-]{43}/)
    expect(await requestConfirmations(db)).toEqual({ queued: 0 })

    db = await restart()
    setDb(db)
    expect(await requestConfirmations(db)).toEqual({ queued: 0 })
    expect(await mails()).toHaveLength(1)

    // Unanswered for three months: one reminder.
    await db
      .updateTable('businesses')
      .set({ confirmation_requested_at: monthsAgo(3, 1) as never })
      .where('id', '=', due)
      .execute()
    expect(await requestConfirmations(db)).toEqual({ queued: 1 })
    expect((await mails())[1]?.subject).toBe('Reminder: please confirm the details of “Owner listing due”')
  })

  it('confirms by the mailed link signed out: GET only asks, POST confirms, bad links explain', async () => {
    const id = await publish('Link confirmed', 'JP', 'll-owner')
    await setDates(id, { confirmed_at: monthsAgo(13) })
    const token = signConfirmToken(id, new Date())
    const confirmedAt = async () =>
      new Date(
        (
          await db
            .selectFrom('businesses')
            .select('confirmed_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).confirmed_at,
      ).getTime()
    const before = await confirmedAt()

    const asked = await run(confirmPage.loader, `/confirm?token=${token}`, { locale: 'ru' })
    expect(asked.status).toBe(200)
    expect(asked.data).toMatchObject({ step: 'ask', name: 'Link confirmed' })
    expect(await confirmedAt()).toBe(before)

    const done = await run(confirmPage.action, '/confirm', { form: { token }, locale: 'ru' })
    expect(done.data).toMatchObject({ step: 'done', id })
    expect(Date.now() - (await confirmedAt())).toBeLessThan(60_000)
    expect(done.headers.get('Cache-Control')).toBe('no-store')

    const forged = `${id + 1}${token.slice(String(id).length)}`
    const bad = await run(confirmPage.action, '/confirm', { form: { token: forged }, locale: 'ru' })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ step: 'error', message: expect.stringMatching(/^Ссылка неверна/) })
    const expired = signConfirmToken(id, new Date(Date.now() - 91 * DAY))
    const late = await run(confirmPage.loader, `/confirm?token=${expired}`, { locale: 'en' })
    expect(late.status).toBe(400)
    expect(late.data).toMatchObject({ message: expect.stringMatching(/^This link has expired/) })

    await db.updateTable('businesses').set({ status: 'archived' }).where('id', '=', id).execute()
    const gone = await run(confirmPage.action, '/confirm', { form: { token }, locale: 'en' })
    expect(gone.status).toBe(409)
  })

  it('lets owners confirm from "My listings", and nobody else', async () => {
    const id = await publish('Confirm on the list', 'JP', 'll-owner')
    await setDates(id, { confirmed_at: monthsAgo(14) })
    const listed = await run(myListings.loader, '/my/listings', { jar: jar.owner })
    const item = (listed.data as { listings: { id: number; confirmDue: boolean }[] }).listings.find(
      (l) => l.id === id,
    )
    expect(item?.confirmDue).toBe(true)

    const foreign = await run(myListings.action, '/my/listings', {
      jar: jar.stranger,
      form: { intent: 'confirm', id: String(id) },
    })
    expect(foreign.status).toBe(404)
    const own = await run(myListings.action, '/my/listings', {
      jar: jar.owner,
      form: { intent: 'confirm', id: String(id) },
    })
    expect(own.status).toBe(302)
    const after = await run(myListings.loader, '/my/listings', { jar: jar.owner })
    expect(
      (after.data as { listings: { id: number; confirmDue: boolean }[] }).listings.find((l) => l.id === id)
        ?.confirmDue,
    ).toBe(false)
  })

  it('refuses hostile input on the confirmation link, the confirm button and the dashboard, changing nothing', async () => {
    const id = await publish('Hostile target', 'JP', 'll-owner')
    const before = await snapshot(db)
    await attackForm({
      fn: confirmPage.action,
      path: '/confirm',
      base: { token: 'x' },
      fields: { token: 'text' },
    })
    await attackForm({
      fn: myListings.action,
      path: '/my/listings',
      jar: jar.stranger,
      base: { intent: 'confirm', id: String(id) },
      fields: { id: 'scalar', intent: 'text' },
      allowRedirectTo: /^\/my\/listings\?confirmed=/,
    })
    for (const [name, value] of Object.entries(badQueryValues)) {
      const label = `/confirm?token=${name}`
      const answer = await call(
        confirmPage.loader,
        hostileRequest(`/confirm?${new URLSearchParams({ token: value })}`),
      )
      expectNoServerError(answer, label)
      expect(answer.status, label).toBe(400)
    }
    for (const raw of brokenPercent) {
      expectNoServerError(await call(confirmPage.loader, hostileRequest(`/confirm?token=${raw}`)), raw)
      const dashboard = await call(
        upkeep.loader,
        hostileRequest(`/upkeep?country=${raw}`, { cookie: cookieOf(jar.wg) }),
      )
      expect(dashboard.status, raw).toBe(200)
    }
    expect(await snapshot(db)).toEqual(before)
  })
})
