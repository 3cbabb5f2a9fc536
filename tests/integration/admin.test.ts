import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as councils from '~/routes/admin/councils'
import * as countries from '~/routes/admin/countries'
import * as home from '~/routes/admin/index'
import * as sectors from '~/routes/admin/sectors'
import * as users from '~/routes/admin/users'
import * as queue from '~/routes/moderation/queue'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

describe.each(testDatabases())('admin area on $name', ({ open }) => {
  let db: Kysely<Database>
  let admin: Jar
  let coordinator: Jar
  let wg: Jar

  beforeAll(async () => {
    db = await open()
    setDb(db)
    admin = await sessionFor(await createUser(db, 'adm-admin', ['admin']))
    coordinator = await sessionFor(await createUser(db, 'adm-jp', ['council_coordinator'], 'JP'))
    wg = await sessionFor(await createUser(db, 'adm-wg', ['wg_member', 'wg_chair']))
    await createUser(db, 'adm-target', ['entrepreneur'])
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  const audit = (entity: string) =>
    db
      .selectFrom('history')
      .select(['entity_id', 'action', 'actor_id'])
      .where('entity_type', '=', entity as 'user')
      .orderBy('id', 'desc')
      .executeTakeFirst()

  it('is for admins only, loaders and actions alike', async () => {
    const routes = [
      [home.loader, '/admin'],
      [users.loader, '/admin/users'],
      [councils.loader, '/admin/councils'],
      [countries.loader, '/admin/countries'],
      [sectors.loader, '/admin/sectors'],
    ] as const
    for (const jar of [coordinator, wg]) {
      for (const [loader, path] of routes) expect((await run(loader, path, { jar })).status, path).toBe(403)
      const res = await run(users.action, '/admin/users', {
        jar,
        form: { intent: 'grant', userId: 'adm-wg', role: 'admin' },
      })
      expect(res.status).toBe(403)
    }
    for (const [loader, path] of routes)
      expect((await run(loader, path, { jar: admin })).status, path).toBe(200)
    const grants = await db.selectFrom('role_grants').select('role').where('user_id', '=', 'adm-wg').execute()
    expect(grants.map((g) => g.role).sort()).toEqual(['wg_chair', 'wg_member'])
  })

  it('finds users, grants a council coordinator role with its country, and revokes it, all audited', async () => {
    const found = await run(users.loader, '/admin/users?q=ADM-TARGET', { jar: admin })
    const list = (found.data as { users: { id: string; grants: { role: string }[] }[] }).users
    expect(list.map((u) => u.id)).toEqual(['adm-target'])
    const noCouncil = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'grant', userId: 'adm-target', role: 'council_coordinator', countryCode: '' },
    })
    expect(noCouncil.status).toBe(400)
    expect((noCouncil.data as { error: string }).error).toContain('совет')
    const granted = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'grant', userId: 'adm-target', role: 'council_coordinator', countryCode: 'JP' },
    })
    expect(granted.status).toBe(302)
    expect(await audit('role_grant')).toMatchObject({ action: 'granted', actor_id: 'adm-admin' })
    const again = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'grant', userId: 'adm-target', role: 'council_coordinator', countryCode: 'JP' },
    })
    expect(again.status).toBe(409)
    // The new coordinator moderates Japan.
    const target = await sessionFor('adm-target@test.example.org')
    expect((await run(queue.loader, '/moderation?country=JP', { jar: target })).status).toBe(200)
    const grant = await db
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', 'adm-target')
      .where('role', '=', 'council_coordinator')
      .executeTakeFirstOrThrow()
    const revoked = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'revoke', grantId: String(grant.id) },
    })
    expect(revoked.status).toBe(302)
    expect(await audit('role_grant')).toMatchObject({ entity_id: String(grant.id), action: 'revoked' })
    expect((await run(queue.loader, '/moderation?country=JP', { jar: target })).status).toBe(403)
  })

  it('does not let an admin remove their own admin role or block themselves', async () => {
    const own = await db
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', 'adm-admin')
      .executeTakeFirstOrThrow()
    const res = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'revoke', grantId: String(own.id) },
    })
    expect(res.status).toBe(400)
    const block = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'block', userId: 'adm-admin' },
    })
    expect(block.status).toBe(400)
    expect(
      await db.selectFrom('role_grants').select('id').where('id', '=', own.id).executeTakeFirst(),
    ).toBeTruthy()
  })

  it('blocks a user: signed out everywhere at once, audited; unblocking lets them sign in again', async () => {
    const victim = await sessionFor(await createUser(db, 'adm-blocked', ['council_coordinator'], 'JP'))
    expect((await run(queue.loader, '/moderation', { jar: victim })).status).toBe(200)
    const res = await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'block', userId: 'adm-blocked' },
    })
    expect(res.status).toBe(302)
    expect((await run(queue.loader, '/moderation', { jar: victim })).location).toMatch(/^\/sign-in/)
    const sessions = await db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', 'adm-blocked')
      .execute()
    expect(sessions).toEqual([])
    expect(await audit('user')).toMatchObject({
      entity_id: 'adm-blocked',
      action: 'blocked',
      actor_id: 'adm-admin',
    })
    await run(users.action, '/admin/users', {
      jar: admin,
      form: { intent: 'unblock', userId: 'adm-blocked' },
    })
    expect(await audit('user')).toMatchObject({ action: 'unblocked' })
    const back = await sessionFor('adm-blocked@test.example.org')
    expect((await run(queue.loader, '/moderation', { jar: back })).status).toBe(200)
  })

  it('edits a council; bad contacts are a 400 that keeps what was typed', async () => {
    const values = {
      countryCode: 'JP',
      nameRu: 'КСОРС Японии',
      nameEn: 'KSORS Japan',
      email: 'not-an-email',
      phone: '',
      website: '',
    }
    const bad = await run(councils.action, '/admin/councils', { jar: admin, form: values })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ values: { email: 'not-an-email' } })
    expect((bad.data as { error: string }).error).toContain('Эл. почта')
    const ok = await run(councils.action, '/admin/councils', {
      jar: admin,
      form: { ...values, email: 'ksors@example.jp', website: 'https://ksors.example.jp' },
    })
    expect(ok.status).toBe(302)
    const council = await db
      .selectFrom('councils')
      .selectAll()
      .where('country_code', '=', 'JP')
      .executeTakeFirstOrThrow()
    expect(council).toMatchObject({ name_ru: 'КСОРС Японии', email: 'ksors@example.jp' })
    expect(await audit('council')).toMatchObject({
      entity_id: String(council.id),
      action: 'updated',
      actor_id: 'adm-admin',
    })
    const created = await run(councils.action, '/admin/councils', {
      jar: admin,
      form: {
        countryCode: 'KR',
        nameRu: 'Совет Кореи',
        nameEn: 'Korea council',
        email: '',
        phone: '',
        website: '',
      },
    })
    expect(created.status).toBe(302)
    expect(await audit('council')).toMatchObject({ action: 'created' })
  })

  it('takes a country out of the region and back, and adds a new one, audited', async () => {
    const out = await run(countries.action, '/admin/countries', {
      jar: admin,
      form: { intent: 'remove', code: 'MN' },
    })
    expect(out.status).toBe(302)
    const row = () =>
      db.selectFrom('countries').select('in_region').where('code', '=', 'MN').executeTakeFirstOrThrow()
    expect((await row()).in_region).toBe(false)
    expect(await audit('country')).toMatchObject({ entity_id: 'MN', action: 'removed_from_region' })
    await run(countries.action, '/admin/countries', { jar: admin, form: { intent: 'add', code: 'MN' } })
    expect((await row()).in_region).toBe(true)
    const unknown = await run(countries.action, '/admin/countries', {
      jar: admin,
      form: { intent: 'add', code: 'ZZ' },
    })
    expect(unknown.status).toBe(404)
    const added = await run(countries.action, '/admin/countries', {
      jar: admin,
      form: { intent: 'add', code: 'zz', nameRu: 'Тестландия', nameEn: 'Testland' },
    })
    expect(added.status).toBe(302)
    expect(await audit('country')).toMatchObject({ entity_id: 'ZZ', action: 'created' })
    const bad = await run(countries.action, '/admin/countries', {
      jar: admin,
      form: { intent: 'add', code: '1' },
    })
    expect(bad.status).toBe(400)
  })

  it('renames a sector; an empty label is a 400 and nothing changes', async () => {
    const before = await db
      .selectFrom('sectors')
      .selectAll()
      .where('code', '=', 'G')
      .executeTakeFirstOrThrow()
    const bad = await run(sectors.action, '/admin/sectors', {
      jar: admin,
      form: { code: 'G', nameRu: '', nameEn: 'Trade', shortRu: 'Торговля', shortEn: 'Trade' },
    })
    expect(bad.status).toBe(400)
    expect(
      await db.selectFrom('sectors').selectAll().where('code', '=', 'G').executeTakeFirstOrThrow(),
    ).toEqual(before)
    const ok = await run(sectors.action, '/admin/sectors', {
      jar: admin,
      form: {
        code: 'G',
        nameRu: 'Оптовая и розничная торговля',
        nameEn: 'Trade',
        shortRu: 'Торговля',
        shortEn: 'Trade',
      },
    })
    expect(ok.status).toBe(302)
    expect(await audit('sector')).toMatchObject({ entity_id: 'G', action: 'updated', actor_id: 'adm-admin' })
    const log = await run(home.loader, '/admin', { jar: admin })
    expect((log.data as { audit: { entity: string }[] }).audit[0]?.entity).toBe('sector')
  })
})
