import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as listingsApi from '~/routes/forum/api.nomination-listings'
import * as forumPage from '~/routes/forum/forum'
import * as forumEdit from '~/routes/forum/forum-edit'
import * as forumExport from '~/routes/forum/forum-export'
import * as forumsPage from '~/routes/forum/forums'
import * as nominationPage from '~/routes/forum/nomination'
import * as newNomination from '~/routes/forum/nomination-new'
import * as printPage from '~/routes/forum/nomination-print'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

const DAY = 86_400_000

describe.each(testDatabases())('nomination pages on $name', ({ open }) => {
  let db: Kysely<Database>
  let forumId: number
  let closedForumId: number
  const jar: Record<string, Jar> = {}
  const jpListings: number[] = []
  let cnListing: number

  const person = {
    personName: 'Ирина Соколова',
    personPosition: 'Директор',
    personEmail: 'irina@example.org',
    personPhone: '+81 3 1234 5678',
    justificationRu: 'Крупнейший логистический оператор.',
    justificationEn: '',
    topics: 'Логистика',
  }

  async function create(businessId: number, who = 'jp', forum = forumId) {
    return run(newNomination.action, `/forums/${forum}/nominations/new`, {
      jar: jar[who],
      params: { id: String(forum) },
      form: { ...person, businessId: String(businessId) },
    })
  }
  const idOf = (location: string | null) => Number(/\/nominations\/(\d+)/.exec(location ?? '')?.[1])
  async function act(id: number, who: string, intent: string, extra: Record<string, string> = {}) {
    return run(nominationPage.action, `/nominations/${id}`, {
      jar: jar[who],
      params: { id: String(id) },
      form: { intent, ...extra },
      locale: 'en',
    })
  }
  async function view(id: number, who: string) {
    return run(nominationPage.loader, `/nominations/${id}`, { jar: jar[who], params: { id: String(id) } })
  }
  const statusOf = async (id: number) =>
    (await db.selectFrom('nominations').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status

  beforeAll(async () => {
    db = await open()
    setDb(db)
    const people: [string, Parameters<typeof createUser>[2], string?][] = [
      ['jp', ['council_coordinator'], 'JP'],
      ['jp2', ['council_coordinator'], 'JP'],
      ['cn', ['council_coordinator'], 'CN'],
      ['wg', ['wg_member']],
      ['wg2', ['wg_member']],
      ['chair', ['wg_chair', 'wg_member']],
      ['owner', ['entrepreneur']],
    ]
    for (const [id, roles, country] of people) {
      const email = await createUser(db, id, roles, country)
      jar[id] = await sessionFor(email)
    }
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', 'jp2').execute()
    const now = Date.now()
    const forum = await db
      .insertInto('forums')
      .values({
        title_ru: 'Форум 2027',
        title_en: 'Forum 2027',
        year: 2027,
        status: 'open',
        default_quota: 2,
        nominations_open_at: new Date(now - DAY).toISOString(),
        nominations_close_at: new Date(now + 30 * DAY).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    forumId = forum.id
    const closed = await db
      .insertInto('forums')
      .values({
        title_ru: 'Прошлый',
        title_en: 'Past',
        year: 2025,
        status: 'open',
        nominations_open_at: new Date('2025-12-01T00:00:00Z').toISOString(),
        nominations_close_at: new Date('2026-01-31T15:00:00Z').toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    closedForumId = closed.id
    const base = { city: 'Tokyo', lat: 35.6, lon: 139.7, consent_at: new Date().toISOString() }
    for (let i = 0; i < 4; i++) {
      const b = await db
        .insertInto('businesses')
        .values({ ...base, name_ru: `Сакура ${i}`, country_code: 'JP', status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow()
      jpListings.push(b.id)
    }
    const cn = await db
      .insertInto('businesses')
      .values({ ...base, name_ru: 'Шанхай Трейд', country_code: 'CN', status: 'published' })
      .returning('id')
      .executeTakeFirstOrThrow()
    cnListing = cn.id
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('shows forum pages only to councils and the working group', async () => {
    expect((await run(forumsPage.loader, '/forums', { jar: jar.owner })).status).toBe(403)
    expect((await run(forumsPage.loader, '/forums')).status).toBe(302)
    expect((await run(forumsPage.loader, '/forums', { jar: jar.jp })).status).toBe(200)
    const page = await run(forumPage.loader, `/forums/${forumId}`, {
      jar: jar.wg,
      params: { id: String(forumId) },
    })
    expect(page.status).toBe(200)
    expect((await run(forumPage.loader, '/forums/abc', { jar: jar.wg, params: { id: 'abc' } })).status).toBe(
      404,
    )
    // Only councils open the nomination form; only the chair edits a forum.
    const newPath = `/forums/${forumId}/nominations/new`
    const p = { id: String(forumId) }
    expect((await run(newNomination.loader, newPath, { jar: jar.wg, params: p })).status).toBe(403)
    expect((await run(newNomination.loader, newPath, { jar: jar.chair, params: p })).status).toBe(403)
    const editPath = `/forums/${forumId}/edit`
    expect((await run(forumEdit.loader, editPath, { jar: jar.jp, params: p })).status).toBe(403)
    expect((await run(forumEdit.loader, editPath, { jar: jar.chair, params: p })).status).toBe(200)
    const missing = await run(forumEdit.loader, '/forums/999999/edit', {
      jar: jar.chair,
      params: { id: '999999' },
    })
    expect(missing.status).toBe(404)
  })

  it('searches only published listings of the council’s own country', async () => {
    const out = await run(listingsApi.loader, '/api/nomination-listings?q=', { jar: jar.jp })
    const ids = (out.data as { listings: { id: number }[] }).listings.map((l) => l.id)
    expect(ids).toEqual(expect.arrayContaining(jpListings))
    expect(ids).not.toContain(cnListing)
    const cn = await run(listingsApi.loader, '/api/nomination-listings?q=Сакура', { jar: jar.cn })
    expect((cn.data as { listings: unknown[] }).listings).toEqual([])
  })

  it('refuses bad input with 400, keeps it and stores nothing', async () => {
    const before = await db
      .selectFrom('nominations')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const out = await run(newNomination.action, `/forums/${forumId}/nominations/new`, {
      jar: jar.jp,
      params: { id: String(forumId) },
      form: { ...person, personName: '', personEmail: 'not-an-email', businessId: String(jpListings[0]) },
    })
    expect(out.status).toBe(400)
    const d = out.data as { values: Record<string, string>; errors: Record<string, string> }
    expect(d.errors).toMatchObject({ personName: 'required', personEmail: 'invalid' })
    expect(d.values.justificationRu).toBe(person.justificationRu)
    const after = await db
      .selectFrom('nominations')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('refuses another country’s listing and nominations by a non-council', async () => {
    expect((await create(cnListing)).status).toBe(403)
    expect((await create(jpListings[0] as number, 'wg')).status).toBe(403)
  })

  it('runs the council flow with permission checks by crafted ids', async () => {
    const created = await create(jpListings[0] as number)
    expect(created.status).toBe(302)
    const id = idOf(created.location)
    // Drafts are the council's own: invisible to the working group and to other councils.
    expect((await view(id, 'jp')).status).toBe(200)
    expect((await view(id, 'jp2')).status).toBe(200)
    expect((await view(id, 'wg')).status).toBe(404)
    expect((await view(id, 'cn')).status).toBe(404)
    expect(
      (await run(printPage.loader, `/nominations/${id}/print`, { jar: jar.cn, params: { id: String(id) } }))
        .status,
    ).toBe(404)
    // Another council cannot submit, edit or withdraw it.
    expect((await act(id, 'cn', 'submit')).status).toBe(404)
    expect((await act(id, 'cn', 'withdraw')).status).toBe(404)
    expect((await act(id, 'cn', 'save', { ...person, personName: 'X', version: '1' })).status).toBe(404)
    expect(await statusOf(id)).toBe('draft')
    // The council edits its draft; a stale version is refused.
    expect((await act(id, 'jp', 'save', { ...person, topics: 'Новое', version: '1' })).status).toBe(302)
    expect((await act(id, 'jp', 'save', { ...person, topics: 'Старое', version: '1' })).status).toBe(409)
    expect((await act(id, 'jp', 'submit')).status).toBe(302)
    expect(await statusOf(id)).toBe('submitted')
    const mails = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'nomination_submit')
      .execute()
    const to = mails.map((m) => m.to_email).sort()
    expect(to).toEqual(['chair@test.example.org', 'jp2@test.example.org', 'jp@test.example.org'])
    expect(mails.find((m) => m.to_email.startsWith('jp2'))?.subject).toMatch(
      /Nomination No\. \d+ for “Forum 2027”: Submitted/,
    )
    expect(mails.find((m) => m.to_email.startsWith('jp@'))?.subject).toMatch(/Заявка № \d+/)
    // Now the working group sees it, and may not decide as a member.
    expect((await view(id, 'wg')).status).toBe(200)
    expect((await act(id, 'wg', 'accept')).status).toBe(403)
    expect((await act(id, 'wg', 'save', { ...person, version: '3' })).status).toBe(403)
    expect((await act(id, 'cn', 'withdraw')).status).toBe(404)
    expect(await statusOf(id)).toBe('submitted')
    // Return needs a comment; with one it goes back to draft and the council is told.
    const noNote = await act(id, 'chair', 'return')
    expect(noNote.status).toBe(400)
    expect((noNote.data as { formError: string }).formError).toMatch(/comment/)
    expect((await act(id, 'chair', 'return', { note: 'Добавьте английский текст' })).status).toBe(302)
    expect(await statusOf(id)).toBe('draft')
    expect(
      await db.selectFrom('mail_outbox').select('to_email').where('kind', '=', 'nomination_return').execute(),
    ).toHaveLength(2)
  })

  it('refuses a submission beyond the quota with a message naming it, and after the window closes', async () => {
    const ids: number[] = []
    for (const b of jpListings.slice(1, 4)) ids.push(idOf((await create(b as number)).location))
    expect((await act(ids[0] as number, 'jp', 'submit')).status).toBe(302)
    expect((await act(ids[1] as number, 'jp', 'submit')).status).toBe(302)
    const third = await act(ids[2] as number, 'jp', 'submit')
    expect(third.status).toBe(409)
    expect((third.data as { formError: string }).formError).toContain('at most 2 nominations')
    expect((third.data as { values: Record<string, string> }).values.intent).toBe('submit')
    expect(await statusOf(ids[2] as number)).toBe('draft')
    // The page shows quota used/left for the council.
    const page = await run(forumPage.loader, `/forums/${forumId}`, {
      jar: jar.jp,
      params: { id: String(forumId) },
    })
    expect((page.data as { quotas: unknown[] }).quotas).toEqual([
      { country: 'JP', quota: 2, used: 2, left: 0 },
    ])
    // Withdrawing frees a slot.
    expect((await act(ids[0] as number, 'jp', 'withdraw')).status).toBe(302)
    expect((await act(ids[2] as number, 'jp', 'submit')).status).toBe(302)
    // A closed window names its closing time.
    const late = idOf((await create(jpListings[0] as number, 'jp', closedForumId)).location)
    const refused = await act(late, 'jp', 'submit')
    expect(refused.status).toBe(409)
    expect((refused.data as { formError: string }).formError).toContain('2026-01-31 15:00 UTC')
    expect(await statusOf(late)).toBe('draft')
  })

  it('lets reviewers score, hides others’ scores until then, and lets only the chair decide', async () => {
    const ranked = await run(forumPage.loader, `/forums/${forumId}`, {
      jar: jar.wg,
      params: { id: String(forumId) },
    })
    const rows = (ranked.data as { ranked: { id: number; status: string }[] }).ranked
    const target = rows.find((r) => r.status === 'submitted')?.id as number
    // Drafts never reach the working group's table.
    expect(rows.every((r) => r.status !== 'draft')).toBe(true)
    const bad = await act(target, 'wg', 'review', { relevance: '9', potential: '3', readiness: '3' })
    expect(bad.status).toBe(400)
    expect(
      (await act(target, 'jp', 'review', { relevance: '5', potential: '5', readiness: '5' })).status,
    ).toBe(403)
    expect(
      (await act(target, 'wg', 'review', { relevance: '5', potential: '4', readiness: '3', comment: 'ok' }))
        .status,
    ).toBe(302)
    const wg2Before = (await view(target, 'wg2')).data as {
      reviews: { othersVisible: boolean; reviews: unknown[] }
    }
    expect(wg2Before.reviews.othersVisible).toBe(false)
    expect(wg2Before.reviews.reviews).toHaveLength(0)
    expect(
      (await act(target, 'wg2', 'review', { relevance: '3', potential: '3', readiness: '3' })).status,
    ).toBe(302)
    const wg2After = (await view(target, 'wg2')).data as { reviews: { reviews: unknown[] } }
    expect(wg2After.reviews.reviews).toHaveLength(2)
    // The council never sees reviews.
    expect(((await view(target, 'jp')).data as { reviews: unknown }).reviews).toBeNull()
    expect((await act(target, 'chair', 'accept')).status).toBe(409)
    expect((await act(target, 'chair', 'shortlist')).status).toBe(302)
    expect((await act(target, 'chair', 'accept', { note: 'Поздравляем' })).status).toBe(302)
    expect(await statusOf(target)).toBe('accepted')
    const accepted = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'nomination_accept')
      .execute()
    expect(accepted.map((m) => m.to_email).sort()).toEqual(['jp2@test.example.org', 'jp@test.example.org'])
    expect(accepted.find((m) => m.locale === 'en')?.text_body).toContain('Note: Поздравляем')
    const history = ((await view(target, 'chair')).data as { history: { action: string }[] }).history.map(
      (h) => h.action,
    )
    expect(history).toEqual(expect.arrayContaining(['created', 'submit', 'reviewed', 'shortlist', 'accept']))
  })

  it('exports the working group’s table (not to councils), with filters and without drafts', async () => {
    expect(
      (
        await run(forumExport.loader, `/forums/${forumId}/export.csv`, {
          jar: jar.jp,
          params: { id: String(forumId) },
        })
      ).status,
    ).toBe(403)
    const out = await run(forumExport.loader, `/forums/${forumId}/export.csv`, {
      jar: jar.wg,
      params: { id: String(forumId) },
      locale: 'en',
    })
    expect(out.status).toBe(200)
    const response = await forumExport.loader({
      request: new Request(`http://localhost/forums/${forumId}/export.csv`, {
        headers: {
          Cookie: `${[...(jar.wg as Jar)]
            .filter(([k]) => k !== 'lang')
            .map(([k, v]) => `${k}=${v}`)
            .join('; ')}; lang=${btoa('"en"')}`,
        },
      }),
      params: { id: String(forumId) },
      context: {},
    } as never)
    const text = await (response as Response).text()
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'No.,Country,State,Business,Candidate,Position,E-mail,Phone,Average,Spread,Reviews,Topics,Justification,Submitted',
    )
    const submitted = await db
      .selectFrom('nominations')
      .select('id')
      .where('forum_id', '=', forumId)
      .where('status', 'not in', ['draft', 'withdrawn'])
      .execute()
    expect(lines).toHaveLength(submitted.length + 1)
    expect(lines[1]).toMatch(
      /^\d+,JP,Accepted,Сакура \d,Ирина Соколова,Директор,irina@example.org,'\+81312345678,3.5,1,2,Логистика,/,
    )
    // A leading "+" could start a formula in a spreadsheet: neutralised by the export module.
    expect(text).not.toContain('Draft')
    const xlsx = await forumExport.loader({
      request: new Request(`http://localhost/forums/${forumId}/export.xlsx?status=accepted`, {
        headers: { Cookie: [...(jar.wg as Jar)].map(([k, v]) => `${k}=${v}`).join('; ') },
      }),
      params: { id: String(forumId) },
      context: {},
    } as never)
    expect((xlsx as Response).headers.get('Content-Disposition')).toMatch(
      /nominations-2027-.*-accepted\.xlsx/,
    )
    const bytes = new Uint8Array(await (xlsx as Response).arrayBuffer())
    expect(bytes[0]).toBe(0x50) // "PK": a zip container
  })

  it('lets only the chair edit forums; the window is converted from the chosen zone', async () => {
    expect((await run(forumEdit.loader, '/forums/new', { jar: jar.wg })).status).toBe(403)
    const form = {
      intent: 'forum',
      titleRu: 'Форум 2028',
      titleEn: 'Forum 2028',
      year: '2028',
      status: 'planned',
      defaultQuota: '3',
      timeZone: 'Asia/Tokyo',
      opensAtLocal: '2028-03-01T09:00',
      closesAtLocal: '2028-04-01T18:00',
    }
    expect((await run(forumEdit.action, '/forums/new', { jar: jar.jp, form })).status).toBe(403)
    const bad = await run(forumEdit.action, '/forums/new', {
      jar: jar.chair,
      form: { ...form, closesAtLocal: '2028-02-01T09:00' },
    })
    expect(bad.status).toBe(400)
    expect((bad.data as { errors: Record<string, string> }).errors).toMatchObject({
      closesAt: 'before_start',
    })
    expect((bad.data as { values: Record<string, string> }).values.titleRu).toBe('Форум 2028')
    const badYear = await run(forumEdit.action, '/forums/new', {
      jar: jar.chair,
      form: { ...form, year: 'soon', opensAtLocal: '2028-13-01T09:00' },
    })
    expect((badYear.data as { errors: Record<string, string> }).errors).toMatchObject({
      year: 'invalid_number',
      opensAt: 'invalid_date',
    })
    expect(await db.selectFrom('forums').select('id').where('year', '=', 2028).execute()).toHaveLength(0)
    const ok = await run(forumEdit.action, '/forums/new', { jar: jar.chair, form })
    expect(ok.status).toBe(302)
    const saved = await db.selectFrom('forums').selectAll().where('year', '=', 2028).executeTakeFirstOrThrow()
    expect(new Date(saved.nominations_open_at as Date).toISOString()).toBe('2028-03-01T00:00:00.000Z')
    expect(new Date(saved.nominations_close_at as Date).toISOString()).toBe('2028-04-01T09:00:00.000Z')
    const quota = await run(forumEdit.action, `/forums/${saved.id}/edit`, {
      jar: jar.chair,
      params: { id: String(saved.id) },
      form: { intent: 'quota', countryCode: 'JP', quota: '5' },
    })
    expect(quota.status).toBe(302)
    const badQuota = await run(forumEdit.action, `/forums/${saved.id}/edit`, {
      jar: jar.chair,
      params: { id: String(saved.id) },
      form: { intent: 'quota', countryCode: 'JP', quota: '-1' },
    })
    expect(badQuota.status).toBe(400)
    const row = await db.selectFrom('forum_quotas').selectAll().where('forum_id', '=', saved.id).execute()
    expect(row.map((r) => [r.country_code.trim(), r.quota])).toEqual([['JP', 5]])
  })
})
