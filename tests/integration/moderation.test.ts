import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { writeBusiness } from '~/modules/businesses/write.server'
import { sendModerationDigests } from '~/modules/moderation/notify.server'
import * as history from '~/routes/businesses.$id.history'
import * as queue from '~/routes/moderation/queue'
import * as review from '~/routes/moderation/review'
import * as create from '~/routes/my/listing-new'
import { testDatabases } from '../support/databases'
import { type Jar, newJar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type Review = {
  review: {
    status: string
    version: number
    publishedAt: string | null
    mode: string
    actions: string[]
    changes: { field: string; before: string; after: string; changed: boolean }[]
  }
}

describe.each(testDatabases())('moderation on $name', ({ open }) => {
  let db: Kysely<Database>
  const jar = {} as Record<'owner' | 'ownerEn' | 'jp' | 'cn' | 'wg' | 'admin' | 'stranger', Jar>

  beforeAll(async () => {
    db = await open()
    setDb(db)
    jar.owner = await sessionFor(await createUser(db, 'mod-owner', ['entrepreneur']))
    jar.ownerEn = await sessionFor(await createUser(db, 'mod-owner-en', ['entrepreneur']))
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', 'mod-owner-en').execute()
    jar.jp = await sessionFor(await createUser(db, 'mod-jp', ['council_coordinator'], 'JP'))
    jar.cn = await sessionFor(await createUser(db, 'mod-cn', ['council_coordinator'], 'CN'))
    jar.wg = await sessionFor(await createUser(db, 'mod-wg', ['wg_member']))
    jar.admin = await sessionFor(await createUser(db, 'mod-admin', ['admin']))
    jar.stranger = await sessionFor(await createUser(db, 'mod-stranger', ['entrepreneur']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  let counter = 0
  /** A submitted listing, written the way the editor writes it. */
  async function pending(country = 'JP', owner = 'mod-owner') {
    counter += 1
    const { id } = await writeBusiness(db, {
      actorId: owner,
      action: 'submitted',
      fields: {
        owner_id: owner,
        name_ru: `Компания ${counter}`,
        name_en: `Company ${counter}`,
        country_code: country,
        city: 'Tokyo',
        lat: 35.68,
        lon: 139.69,
        consent_at: new Date(),
        status: 'pending',
        submitted_at: new Date(),
      },
      sectors: ['G'],
    })
    return id
  }
  const row = (id: number) =>
    db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const historyOf = (id: number) =>
    db
      .selectFrom('history')
      .select(['action', 'actor_id', 'note'])
      .where('entity_type', '=', 'business')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute()
  /** What the search data says of a listing: its status and verified flag, or null when not searchable. */
  const searchRow = async (id: number) =>
    (await db
      .selectFrom('business_search')
      .select(['status', 'verified', 'seq'])
      .where('business_id', '=', id)
      .executeTakeFirst()) ?? null
  const act = (who: keyof typeof jar, id: number, form: Record<string, string>) =>
    run(review.action, `/moderation/${id}`, { jar: jar[who], params: { id: String(id) }, form })
  const look = (who: keyof typeof jar, id: number | string) =>
    run(review.loader, `/moderation/${id}`, { jar: jar[who], params: { id: String(id) } })

  it('walks every allowed transition, each with its history entry (actor, note) and a search update', async () => {
    const id = await pending()
    const steps: [string, Record<string, string>, string, string][] = [
      ['publish', {}, 'published', 'published'],
      ['verify', {}, 'published', 'verified'],
      ['unverify', {}, 'published', 'unverified'],
      ['archive', {}, 'archived', 'archived'],
      ['restore', {}, 'published', 'restored'],
      ['archive', {}, 'archived', 'archived'],
      ['reopen', {}, 'pending', 'reopened'],
      ['return', { reason: 'Добавьте описание' }, 'returned', 'returned'],
    ]
    for (const [intent, extra, status, action] of steps) {
      const before = await row(id)
      const searchedBefore = await searchRow(id)
      const res = await act('jp', id, { intent, version: String(before.version), ...extra })
      expect(res.status, intent).toBe(302)
      const after = await row(id)
      expect(after.status, intent).toBe(status)
      expect(after.version).toBe(before.version + 1)
      // The search data changed in the same transaction: archived listings leave it, others follow.
      const searched = await searchRow(id)
      if (status === 'archived') expect(searched).toBeNull()
      else {
        expect(searched).toMatchObject({ status, verified: after.verified_at !== null })
        expect(Number(searched?.seq)).toBeGreaterThan(Number(searchedBefore?.seq ?? 0))
      }
      const last = (await historyOf(id)).at(-1)
      expect(last).toMatchObject({ action, actor_id: 'mod-jp' })
      if (intent === 'verify') expect(after.verified_by).toBe('mod-jp')
      if (intent === 'unverify') expect(after.verified_at).toBeNull()
    }
    expect((await historyOf(id)).at(-1)?.note).toBe('Добавьте описание')
    expect((await row(id)).moderator_reason).toBe('Добавьте описание')
  })

  it('refuses transitions the state does not allow, and changes nothing', async () => {
    const id = await pending()
    const refusals: [string, number][] = [
      ['verify', 409],
      ['unverify', 409],
      ['archive', 409],
      ['restore', 409],
      ['reopen', 409],
      ['return', 400], // no reason
      ['delete', 400], // not an action
    ]
    for (const [intent, status] of refusals) {
      const before = await row(id)
      const res = await act('jp', id, {
        intent,
        version: String(before.version),
        reason: intent === 'return' ? '  ' : '',
      })
      expect(res.status, intent).toBe(status)
      expect((res.data as { error: string }).error).toBeTruthy()
      expect(await row(id)).toEqual(before)
    }
    await act('jp', id, { intent: 'publish', version: String((await row(id)).version) })
    for (const intent of ['publish', 'return', 'reopen', 'restore']) {
      const before = await row(id)
      const res = await act('jp', id, { intent, version: String(before.version), reason: 'x' })
      expect(res.status, intent).toBe(409)
      expect(await row(id)).toEqual(before)
    }
    expect((await historyOf(id)).map((h) => h.action)).toEqual(['submitted', 'published'])
  })

  it('keeps the typed reason and answers in the viewer’s language when the reason is too long', async () => {
    const id = await pending()
    const reason = 'я'.repeat(2001)
    const res = await act('jp', id, { intent: 'return', version: '1', reason })
    expect(res.status).toBe(400)
    expect(res.data).toMatchObject({ reason, error: 'Причина не длиннее 2000 символов.' })
    expect((await row(id)).status).toBe('pending')
  })

  it('refuses a stale version (two coordinators at once) with 409', async () => {
    const id = await pending()
    expect((await act('jp', id, { intent: 'publish', version: '1' })).status).toBe(302)
    const res = await act('admin', id, { intent: 'verify', version: '1' })
    expect(res.status).toBe(409)
    expect((await row(id)).verified_at).toBeNull()
  })

  it('e-mails the owner in the owner’s language: returned with the reason, published with the link', async () => {
    const ru = await pending('JP', 'mod-owner')
    const en = await pending('JP', 'mod-owner-en')
    await act('jp', ru, { intent: 'return', version: '1', reason: 'Нет описания на английском' })
    await act('jp', en, { intent: 'publish', version: '1' })
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_email', 'locale', 'kind', 'subject', 'text_body'])
      .where('kind', 'in', ['listing_returned', 'listing_published'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(mails[1]).toMatchObject({
      to_email: 'mod-owner@test.example.org',
      locale: 'ru',
      kind: 'listing_returned',
    })
    expect(mails[1]?.subject).toContain('возвращена')
    expect(mails[1]?.text_body).toContain('Нет описания на английском')
    expect(mails[0]).toMatchObject({
      to_email: 'mod-owner-en@test.example.org',
      locale: 'en',
      kind: 'listing_published',
    })
    expect(mails[0]?.text_body).toContain(`/businesses/${en}`)
  })

  it('keeps every country’s council to its own country, also for crafted ids, forms and queries', async () => {
    const jp = await pending('JP')
    const cn = await pending('CN')
    // The Chinese council neither sees nor acts on a Japanese listing.
    expect((await look('cn', jp)).status).toBe(404)
    const before = await row(jp)
    for (const intent of ['publish', 'return', 'verify', 'archive']) {
      const res = await act('cn', jp, { intent, version: '1', reason: 'чужая' })
      expect(res.status, intent).toBe(404)
    }
    expect(await row(jp)).toEqual(before)
    // Its queue shows China only; asking for Japan's queue is refused.
    const own = await run(queue.loader, '/moderation', { jar: jar.cn })
    const ownData = own.data as { country: { code: string }; items: { id: number }[] }
    expect(ownData.country.code).toBe('CN')
    expect(ownData.items.map((i) => i.id)).toContain(cn)
    expect(ownData.items.map((i) => i.id)).not.toContain(jp)
    expect((await run(queue.loader, '/moderation?country=JP', { jar: jar.cn })).status).toBe(403)
    expect(
      (
        await run(queue.action, '/moderation?country=JP', {
          jar: jar.cn,
          form: { intent: 'publish', ids: String(jp) },
        })
      ).status,
    ).toBe(403)
    // A bulk form of its own queue with a Japanese id smuggled in: refused as a whole.
    const bulk = await run(queue.action, '/moderation?country=CN', {
      jar: jar.cn,
      form: { intent: 'publish', ids: [String(cn), String(jp)] },
    })
    expect(bulk.status).toBe(404)
    expect((await row(cn)).status).toBe('pending')
    expect(await row(jp)).toEqual(before)
    // Unknown and malformed ids look the same as foreign ones.
    for (const id of ['999999', 'abc', '-1', '0', '1e3']) expect((await look('jp', id)).status, id).toBe(404)
  })

  it('lets only councils and admins into moderation; the working group and entrepreneurs get 403', async () => {
    const id = await pending('JP')
    for (const who of ['wg', 'stranger', 'owner'] as const) {
      expect((await run(queue.loader, '/moderation', { jar: jar[who] })).status, who).toBe(403)
      expect((await look(who, id)).status, who).toBe(403)
      expect((await act(who, id, { intent: 'publish', version: '1' })).status, who).toBe(403)
    }
    const anonymous = await run(queue.loader, '/moderation', { jar: newJar() })
    expect(anonymous.location).toMatch(/^\/sign-in/)
    expect((await row(id)).status).toBe('pending')
    // Admins act in any country (support).
    expect((await look('admin', id)).status).toBe(200)
    expect((await run(queue.loader, '/moderation?country=CN', { jar: jar.admin })).status).toBe(200)
  })

  it('bulk-publishes and bulk-returns the selected listings of its queue, each with history and e-mail', async () => {
    const a = await pending('JP')
    const b = await pending('JP')
    const c = await pending('JP')
    const res = await run(queue.action, '/moderation?country=JP', {
      jar: jar.jp,
      form: { intent: 'publish', ids: [String(a), String(b)] },
    })
    expect(res.status).toBe(302)
    expect(res.location).toContain('done=2')
    expect((await row(a)).status).toBe('published')
    expect((await row(b)).status).toBe('published')
    expect((await historyOf(b)).at(-1)).toMatchObject({ action: 'published', actor_id: 'mod-jp' })
    const noReason = await run(queue.action, '/moderation?country=JP', {
      jar: jar.jp,
      form: { intent: 'return', ids: [String(c)], reason: '' },
    })
    expect(noReason.status).toBe(400)
    expect((await row(c)).status).toBe('pending')
    const none = await run(queue.action, '/moderation?country=JP', {
      jar: jar.jp,
      form: { intent: 'publish' },
    })
    expect(none.status).toBe(400)
    // One listing of the batch is no longer pending: nothing in the batch changes.
    const mixed = await run(queue.action, '/moderation?country=JP', {
      jar: jar.jp,
      form: { intent: 'return', ids: [String(c), String(a)], reason: 'Уточните адрес' },
    })
    expect(mixed.status).toBe(409)
    expect((await row(c)).status).toBe('pending')
  })

  it('shows a new listing as new, and an edited published one against its last published version', async () => {
    const id = await pending('JP')
    const first = (await look('jp', id)).data as Review
    expect(first.review.publishedAt).toBeNull()
    expect(first.review.mode).toBe('new')
    expect(first.review.actions).toEqual(['publish', 'return'])
    expect(first.review.changes.find((c) => c.field === 'name_ru')).toMatchObject({
      before: '',
      after: expect.stringMatching(/^Компания/),
    })
    await act('jp', id, { intent: 'publish', version: '1' })
    // The owner edits the published listing: it goes back to pending (decision 0005).
    const published = await row(id)
    await writeBusiness(db, {
      id,
      expectedVersion: published.version,
      actorId: 'mod-owner',
      action: 'submitted',
      fields: { name_ru: 'Новое имя', city: 'Osaka', status: 'pending', submitted_at: new Date() },
      sectors: ['G', 'H'],
    })
    const second = (await look('jp', id)).data as Review
    expect(second.review.publishedAt).not.toBeNull()
    expect(second.review.mode).toBe('changed')
    const changed = second.review.changes.filter((c) => c.changed).map((c) => c.field)
    expect(changed.sort()).toEqual(['city', 'name_ru', 'sectors'])
    expect(second.review.changes.find((c) => c.field === 'name_ru')).toMatchObject({
      before: published.name_ru,
      after: 'Новое имя',
    })
    const sectors = second.review.changes.find((c) => c.field === 'sectors')
    // Sectors read as their names in the viewer's language, with the code.
    expect(sectors?.before).toMatch(/^[^,]+ \(G\)$/)
    expect(sectors?.after).toMatch(/^[^,]+ \(G\), [^,]+ \(H\)$/)
    expect(second.review.changes.find((c) => c.field === 'country_code')?.after).toBe('Япония (JP)')
  })

  it('finds the published version of a listing whose publication left no snapshot (imported, demo)', async () => {
    const { id } = await writeBusiness(db, {
      actorId: null,
      action: 'created',
      fields: {
        owner_id: 'mod-owner',
        name_ru: 'Импортированная',
        country_code: 'JP',
        city: 'Kobe',
        lat: 34.69,
        lon: 135.19,
        consent_at: new Date(),
        status: 'draft',
      },
    })
    // Published outside the write path, as the demo seed and imports do.
    await db
      .updateTable('businesses')
      .set({ status: 'published', published_at: new Date() })
      .where('id', '=', id)
      .execute()
    const published = await row(id)
    await writeBusiness(db, {
      id,
      expectedVersion: published.version,
      actorId: 'mod-owner',
      action: 'submitted',
      fields: { name_ru: 'Исправленная', status: 'pending', published_at: null, submitted_at: new Date() },
    })
    const seen = (await look('jp', id)).data as Review
    expect(seen.review.mode).toBe('changed')
    expect(seen.review.changes.filter((c) => c.changed)).toEqual([
      { field: 'name_ru', before: 'Импортированная', after: 'Исправленная', changed: true },
    ])
  })

  it('shows the history to the owner, its council, the working group and admins, in the viewer’s language', async () => {
    const id = await pending('JP')
    await act('jp', id, { intent: 'return', version: '1', reason: 'Проверьте телефон' })
    const get = (who: keyof typeof jar, locale?: 'ru' | 'en') =>
      run(history.loader, `/businesses/${id}/history`, { jar: jar[who], params: { id: String(id) }, locale })
    for (const who of ['owner', 'jp', 'wg', 'admin'] as const) expect((await get(who)).status, who).toBe(200)
    for (const who of ['cn', 'stranger'] as const) expect((await get(who)).status, who).toBe(404)
    const page = (await get('owner', 'en')).data as {
      entries: {
        action: string
        actorName: string
        note: string | null
        changes: { field: string; before: string; after: string }[]
      }[]
    }
    expect(page.entries.map((e) => e.action)).toEqual(['returned', 'submitted'])
    expect(page.entries[0]).toMatchObject({ actorName: 'mod-jp', note: 'Проверьте телефон' })
    expect(page.entries[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'pending', after: 'returned', changed: true },
        { field: 'moderator_reason', before: '', after: 'Проверьте телефон', changed: true },
      ]),
    )
  })

  it('mails coordinators on submission: one e-mail each, or a daily digest for those who chose it', async () => {
    await createUser(db, 'mod-jp-digest', ['council_coordinator'], 'JP')
    await db
      .updateTable('users')
      .set({ moderation_mail: 'daily', moderation_digest_at: new Date(Date.now() - 60_000) })
      .where('id', '=', 'mod-jp-digest')
      .execute()
    const before = await db
      .selectFrom('mail_outbox')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    const submitted = await run(create.action, '/my/listings/new', {
      jar: jar.owner,
      form: {
        intent: 'submit',
        nameRu: 'Заявка для совета',
        countryCode: 'JP',
        city: 'Осака',
        sectors: 'G',
        consent: 'on',
      },
    })
    expect(submitted.status).toBe(302)
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_email', 'kind', 'subject'])
      .where('id', '>', before?.id ?? 0)
      .execute()
    expect(mails).toEqual([
      {
        to_email: 'mod-jp@test.example.org',
        kind: 'listing_submitted',
        subject: 'Новая заявка: «Заявка для совета»',
      },
    ])
    // Not yet a day since the last digest: nothing. A day later: one digest, then nothing again.
    expect(await sendModerationDigests(db, new Date())).toBe(0)
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
    expect(await sendModerationDigests(db, tomorrow)).toBe(1)
    const digest = await db
      .selectFrom('mail_outbox')
      .select(['to_email', 'kind', 'text_body'])
      .where('kind', '=', 'moderation_digest')
      .executeTakeFirstOrThrow()
    expect(digest.to_email).toBe('mod-jp-digest@test.example.org')
    expect(digest.text_body).toContain('Заявка для совета')
    expect(await sendModerationDigests(db, tomorrow)).toBe(0)
  })

  it('saves the coordinator’s mail preference; junk is a 400', async () => {
    const ok = await run(queue.action, '/moderation', {
      jar: jar.cn,
      form: { intent: 'mail', mode: 'daily' },
    })
    expect(ok.status).toBe(302)
    const bad = await run(queue.action, '/moderation', {
      jar: jar.cn,
      form: { intent: 'mail', mode: 'hourly' },
    })
    expect(bad.status).toBe(400)
    const user = await db
      .selectFrom('users')
      .select('moderation_mail')
      .where('id', '=', 'mod-cn')
      .executeTakeFirstOrThrow()
    expect(user.moderation_mail).toBe('daily')
  })
})
