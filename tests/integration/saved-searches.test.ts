import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { runSearchDigests } from '~/modules/alerts/digest.server'
import { signUnsubscribeToken } from '~/modules/alerts/unsubscribe-token.server'
import { writeBusiness } from '~/modules/businesses/write.server'
import * as searches from '~/routes/my/searches'
import * as unsubscribe from '~/routes/unsubscribe'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { publishListing } from '../support/listings'
import { createUser, sessionFor } from '../support/users'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

describe.each(testDatabases())('saved searches and digests on $name', ({ openRestartable }) => {
  let db: Kysely<Database>
  let restart: () => Promise<Kysely<Database>>
  const jar = {} as Record<'owner' | 'stranger', Jar>
  const t0 = Date.now()

  beforeAll(async () => {
    const opened = await openRestartable()
    db = opened.db
    restart = opened.restart
    setDb(db)
    jar.owner = await sessionFor(await createUser(db, 'ss-owner', ['entrepreneur']))
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', 'ss-owner').execute()
    jar.stranger = await sessionFor(await createUser(db, 'ss-stranger', ['entrepreneur']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  const publish = (name: string, country: string, at: Date) =>
    publishListing(db, { name, country, publishedAt: at })
  const mine = (userId = 'ss-owner') =>
    db.selectFrom('saved_searches').selectAll().where('user_id', '=', userId).orderBy('id').execute()
  const digests = () =>
    db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'search_digest').orderBy('id').execute()

  it('saves the search as its canonical query (no page, no sort) and lists it for its owner only', async () => {
    const saved = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      form: {
        intent: 'create',
        query: 'sort=name&page=3&country=jp&q=Sushi+bar&sector=G',
        name: '  Japan food  ',
        frequency: 'daily',
      },
    })
    expect(saved.status).toBe(302)
    const [row] = await mine()
    expect(row?.name).toBe('Japan food')
    expect(row?.query).toBe('q=Sushi+bar&country=JP&sector=G')
    expect(saved.location).toBe(`/my/searches?saved=${row?.id}`)
    const list = await run(searches.loader, '/my/searches', { jar: jar.owner })
    expect((list.data as { searches: { name: string; path: string }[] }).searches).toEqual([
      expect.objectContaining({ name: 'Japan food', path: '/?q=Sushi+bar&country=JP&sector=G' }),
    ])
    const other = await run(searches.loader, '/my/searches', { jar: jar.stranger })
    expect((other.data as { searches: unknown[] }).searches).toEqual([])
  })

  it('refuses bad input with a message in the viewer’s language and stores nothing', async () => {
    const before = (await mine()).length
    const badQuery = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      locale: 'ru',
      form: { intent: 'create', query: 'page=abc&bbox=1,2', name: 'x', frequency: 'daily' },
    })
    expect(badQuery.status).toBe(400)
    expect((badQuery.data as { error: string }).error).toContain('нельзя сохранить')
    const badName = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      locale: 'en',
      form: { intent: 'create', query: 'q=x', name: '   ', frequency: 'daily' },
    })
    expect(badName.status).toBe(400)
    expect((badName.data as { error: string }).error).toContain('Enter a name')
    const badFrequency = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      form: { intent: 'create', query: 'q=x', name: 'x', frequency: 'hourly' },
    })
    expect(badFrequency.status).toBe(400)
    expect((await mine()).length).toBe(before)
  })

  it('lets only the owner rename, reschedule or delete; others get 404 and change nothing', async () => {
    const [row] = await mine()
    const id = String(row?.id)
    const attempts: Record<string, string>[] = [
      { intent: 'rename', id, name: 'Hijacked' },
      { intent: 'frequency', id, frequency: 'none' },
      { intent: 'delete', id },
    ]
    for (const form of attempts) {
      const outcome = await run(searches.action, '/my/searches', { jar: jar.stranger, locale: 'ru', form })
      expect(outcome.status).toBe(404)
      expect((outcome.data as { error: string }).error).toContain('нет среди ваших')
    }
    const signedOut = await run(searches.action, '/my/searches', { form: { intent: 'delete', id } })
    expect(signedOut.status).toBe(302)
    expect(signedOut.location).toMatch(/^\/sign-in/)
    expect((await run(searches.loader, '/my/searches')).location).toMatch(/^\/sign-in/)
    const [after] = await mine()
    expect(after).toEqual(row)

    const renamed = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      form: { intent: 'rename', id, name: 'Japanese food' },
    })
    expect(renamed.status).toBe(200)
    expect((await mine())[0]?.name).toBe('Japanese food')
  })

  it('sends one digest of the new matching listings, and not again after a restart', async () => {
    const match = await publish('Sushi bar Sakura', 'JP', new Date(t0 + 60_000))
    await publish('Sushi bar Seoul', 'KR', new Date(t0 + 60_000)) // another country: not in the digest
    const first = await runSearchDigests(db, new Date(t0 + HOUR))
    expect(first).toMatchObject({ checked: 1, queued: 1 })
    let mail = await digests()
    expect(mail).toHaveLength(1)
    const digest = mail[0]
    expect(digest?.to_email).toBe('ss-owner@test.example.org')
    expect(digest?.subject).toBe('New businesses for your search "Japanese food": 1')
    expect(digest?.text_body).toContain('Sushi bar Sakura')
    expect(digest?.text_body).toContain(`/businesses/${match}`)
    expect(digest?.text_body).not.toContain('Seoul')
    expect(digest?.html_body).toContain(`/businesses/${match}"`)
    expect(digest?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(digest?.headers?.['List-Unsubscribe']).toMatch(/^<http.*\/unsubscribe\?token=[\w.-]+>$/)

    // The app restarts (a new connection, a new search index) and the job runs again at the same moment.
    db = await restart()
    setDb(db)
    expect(await runSearchDigests(db, new Date(t0 + HOUR))).toMatchObject({ checked: 0, queued: 0 })
    // Half a day later the daily digest is not due yet.
    expect(await runSearchDigests(db, new Date(t0 + 12 * HOUR))).toMatchObject({ checked: 0, queued: 0 })
    expect(await digests()).toHaveLength(1)

    // A day later: only what was published since the first digest.
    const later = await publish('Sushi bar Fuji', 'JP', new Date(t0 + 2 * HOUR))
    expect(await runSearchDigests(db, new Date(t0 + HOUR + DAY))).toMatchObject({ checked: 1, queued: 1 })
    mail = await digests()
    expect(mail).toHaveLength(2)
    expect(mail[1]?.text_body).toContain(`/businesses/${later}`)
    expect(mail[1]?.text_body).not.toContain(`/businesses/${match}`)
    // Nothing new the next day: the schedule moves on, no mail.
    expect(await runSearchDigests(db, new Date(t0 + HOUR + 2 * DAY))).toMatchObject({ checked: 1, queued: 0 })
    expect(await digests()).toHaveLength(2)
  })

  it('does not report a listing again when it is re-published (archived and restored, or edited)', async () => {
    const [old] = await db
      .selectFrom('businesses')
      .select('id')
      .where('name_en', '=', 'Sushi bar Sakura')
      .execute()
    const id = old?.id as number
    const change = (status: 'archived' | 'published', at: Date) =>
      writeBusiness(db, {
        id,
        expectedVersion: null,
        actorId: null,
        action: status === 'archived' ? 'archived' : 'restored',
        fields:
          status === 'archived'
            ? { status, archived_at: at }
            : { status, published_at: at, archived_at: null },
      })
    await change('archived', new Date(t0 + 2 * DAY + HOUR))
    await change('published', new Date(t0 + 2 * DAY + 2 * HOUR))
    expect(await runSearchDigests(db, new Date(t0 + HOUR + 3 * DAY))).toMatchObject({ checked: 1, queued: 0 })
    expect(await digests()).toHaveLength(2)
  })

  it('two runners at once send a digest once', async () => {
    const [row] = await mine()
    await publish('Sushi bar Nara', 'JP', new Date(t0 + 3 * DAY + 2 * HOUR))
    const at = new Date(t0 + HOUR + 4 * DAY)
    const runs = await Promise.all([runSearchDigests(db, at), runSearchDigests(db, at)])
    expect(runs.map((r) => r.queued).sort()).toEqual([0, 1])
    expect(await digests()).toHaveLength(3)
    expect((await mine())[0]?.next_digest_at?.getTime()).toBeGreaterThan(at.getTime())
    expect(row).toBeTruthy()
  })

  it('unsubscribes signed out with the signed link: GET only asks, POST (RFC 8058) does it', async () => {
    const [mail] = (await digests()).slice(-1)
    const url = new URL(/<(.*)>/.exec(mail?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '')
    const path = `${url.pathname}${url.search}`
    const page = await run(unsubscribe.loader, path, { locale: 'en' })
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ step: 'confirm', result: { name: 'Japanese food' } })
    expect((await mine())[0]?.frequency).toBe('daily')

    // What a mail client sends: a form-encoded POST to the List-Unsubscribe URL, no cookie.
    const request = new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    const done = await unsubscribe.action({ request, params: {}, context: {} } as never)
    expect((done as unknown as { data: unknown }).data).toMatchObject({
      step: 'done',
      result: { state: 'done' },
    })
    const [row] = await mine()
    expect(row?.frequency).toBe('none')
    expect(row?.next_digest_at).toBeNull()
    // No more digests, whatever is published.
    await publish('Sushi bar Kobe', 'JP', new Date(t0 + 4 * DAY))
    expect(await runSearchDigests(db, new Date(t0 + 10 * DAY))).toMatchObject({ queued: 0 })
    // Opening the link again says so.
    const again = await run(unsubscribe.loader, path, { locale: 'ru' })
    expect(again.data).toMatchObject({ step: 'done', result: { state: 'already' } })
  })

  it('refuses tampered and expired links with a clear message, changing nothing', async () => {
    const [row] = await mine()
    const id = row?.id as number
    await run(searches.action, '/my/searches', {
      jar: jar.owner,
      form: { intent: 'frequency', id: String(id), frequency: 'weekly' },
    })
    const good = signUnsubscribeToken(id, new Date())
    const tampered = `${id + 1}${good.slice(String(id).length)}`
    const bad = await run(unsubscribe.action, `/unsubscribe?token=${tampered}`, {
      locale: 'ru',
      form: { 'List-Unsubscribe': 'One-Click' },
    })
    expect(bad.status).toBe(400)
    expect((bad.data as { message: string }).message).toContain('повреждена')
    const old = signUnsubscribeToken(id, new Date(Date.now() - 61 * DAY))
    const expired = await run(unsubscribe.loader, `/unsubscribe?token=${old}`, { locale: 'en' })
    expect(expired.status).toBe(400)
    expect((expired.data as { message: string }).message).toContain('expired')
    const missing = await run(unsubscribe.loader, '/unsubscribe', { locale: 'en' })
    expect(missing.status).toBe(400)
    expect((await mine())[0]?.frequency).toBe('weekly')
  })

  it('deletes the owner’s search', async () => {
    const [row] = await mine()
    const deleted = await run(searches.action, '/my/searches', {
      jar: jar.owner,
      form: { intent: 'delete', id: String(row?.id) },
    })
    expect(deleted.status).toBe(200)
    expect(await mine()).toEqual([])
  })
})
