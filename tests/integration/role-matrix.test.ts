import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database, Role } from '#db/schema'
import * as account from '~/routes/account'
import * as outbox from '~/routes/admin/outbox'
import * as historyPage from '~/routes/businesses.$id.history'
import * as queue from '~/routes/moderation/queue'
import * as review from '~/routes/moderation/review'
import * as edit from '~/routes/my/listing-edit'
import * as create from '~/routes/my/listing-new'
import * as mine from '~/routes/my/listings'
import { testDatabases } from '../support/databases'
import { type Jar, newJar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

/**
 * PRODUCT.md's roles against the account and listing routes: each role can do exactly this, and
 * nothing more. `owner` is the entrepreneur who owns the listing under test; `entrepreneur` is
 * another one (trying to edit it by changing the id in the URL or the form).
 */
const who = [
  'anonymous',
  'owner',
  'entrepreneur',
  'council_jp',
  'council_cn',
  'wg_member',
  'wg_chair',
  'admin',
] as const
type Who = (typeof who)[number]

const grants: Record<Exclude<Who, 'anonymous'>, { roles: Role[]; country?: string }> = {
  owner: { roles: ['entrepreneur'] },
  entrepreneur: { roles: ['entrepreneur'] },
  council_jp: { roles: ['council_coordinator'], country: 'JP' },
  council_cn: { roles: ['council_coordinator'], country: 'CN' },
  wg_member: { roles: ['wg_member'] },
  wg_chair: { roles: ['wg_chair', 'wg_member'] },
  admin: { roles: ['admin'] },
}

// Expected HTTP outcome per route and role: 200 page, 302 to sign-in (anonymous) or after a save, 403 refused,
// 404 for a listing the viewer may not know exists.
const SIGN_IN = 'sign-in'
type Expect = 200 | 302 | 403 | 404 | typeof SIGN_IN
const matrix: Record<string, Record<Who, Expect>> = {
  'GET /account': {
    anonymous: SIGN_IN,
    owner: 200,
    entrepreneur: 200,
    council_jp: 200,
    council_cn: 200,
    wg_member: 200,
    wg_chair: 200,
    admin: 200,
  },
  'GET /my/listings': {
    anonymous: SIGN_IN,
    owner: 200,
    entrepreneur: 200,
    council_jp: 200,
    council_cn: 200,
    wg_member: 200,
    wg_chair: 200,
    admin: 200,
  },
  'GET /my/listings/new': {
    anonymous: SIGN_IN,
    owner: 200,
    entrepreneur: 200,
    council_jp: 403,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 403,
  },
  'POST /my/listings/new': {
    anonymous: SIGN_IN,
    owner: 302,
    entrepreneur: 302,
    council_jp: 403,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 403,
  },
  'GET /my/listings/:id': {
    anonymous: SIGN_IN,
    owner: 200,
    entrepreneur: 403,
    council_jp: 403,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 403,
  },
  'POST /my/listings/:id': {
    anonymous: SIGN_IN,
    owner: 302,
    entrepreneur: 403,
    council_jp: 403,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 403,
  },
  'GET /admin/outbox': {
    anonymous: SIGN_IN,
    owner: 403,
    entrepreneur: 403,
    council_jp: 403,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 200,
  },
  // Moderation of a pending Japanese listing: Japan's council and admins only.
  'GET /moderation': {
    anonymous: SIGN_IN,
    owner: 403,
    entrepreneur: 403,
    council_jp: 200,
    council_cn: 200,
    wg_member: 403,
    wg_chair: 403,
    admin: 200,
  },
  'GET /moderation?country=JP': {
    anonymous: SIGN_IN,
    owner: 403,
    entrepreneur: 403,
    council_jp: 200,
    council_cn: 403,
    wg_member: 403,
    wg_chair: 403,
    admin: 200,
  },
  'GET /moderation/:id': {
    anonymous: SIGN_IN,
    owner: 403,
    entrepreneur: 403,
    council_jp: 200,
    council_cn: 404,
    wg_member: 403,
    wg_chair: 403,
    admin: 200,
  },
  'POST /moderation/:id publish': {
    anonymous: SIGN_IN,
    owner: 403,
    entrepreneur: 403,
    council_jp: 302,
    council_cn: 404,
    wg_member: 403,
    wg_chair: 403,
    admin: 302,
  },
  'GET /businesses/:id/history': {
    anonymous: SIGN_IN,
    owner: 200,
    entrepreneur: 404,
    council_jp: 200,
    council_cn: 404,
    wg_member: 200,
    wg_chair: 200,
    admin: 200,
  },
}

function normalise(outcome: { status: number; location: string | null }): Expect {
  if (outcome.status === 302 && outcome.location?.startsWith('/sign-in?redirectTo=')) return SIGN_IN
  return outcome.status as Expect
}

describe.each(testDatabases())('role matrix on $name', ({ open }) => {
  let db: Kysely<Database>
  const jars = {} as Record<Who, Jar>
  let listingId: number
  const form = (name: string) => ({ intent: 'save', nameRu: name, countryCode: 'JP', version: '1' })

  beforeAll(async () => {
    db = await open()
    setDb(db)
    jars.anonymous = newJar()
    for (const [name, grant] of Object.entries(grants)) {
      jars[name as Who] = await sessionFor(await createUser(db, `rm-${name}`, grant.roles, grant.country))
    }
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  async function ownersListing() {
    const row = await db
      .insertInto('businesses')
      .values({ owner_id: 'rm-owner', name_ru: 'Собственная', country_code: 'JP' })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async function moderationRoutes(jar: Jar): Promise<Record<string, Expect>> {
    const pending = await db
      .insertInto('businesses')
      .values({
        owner_id: 'rm-owner',
        name_ru: 'На модерации',
        country_code: 'JP',
        status: 'pending',
        city: 'Tokyo',
        lat: 35.6,
        lon: 139.7,
        consent_at: new Date(),
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = String(pending.id)
    const got: Record<string, Expect> = {
      'GET /moderation': normalise(await run(queue.loader, '/moderation', { jar })),
      'GET /moderation?country=JP': normalise(await run(queue.loader, '/moderation?country=JP', { jar })),
      'GET /moderation/:id': normalise(
        await run(review.loader, `/moderation/${id}`, { jar, params: { id } }),
      ),
      'POST /moderation/:id publish': normalise(
        await run(review.action, `/moderation/${id}`, {
          jar,
          params: { id },
          form: { intent: 'publish', version: '1' },
        }),
      ),
      'GET /businesses/:id/history': normalise(
        await run(historyPage.loader, `/businesses/${id}/history`, { jar, params: { id } }),
      ),
    }
    // Only a permitted publish changed the listing.
    const after = await db
      .selectFrom('businesses')
      .select('status')
      .where('id', '=', pending.id)
      .executeTakeFirstOrThrow()
    expect(after.status).toBe(got['POST /moderation/:id publish'] === 302 ? 'published' : 'pending')
    return got
  }

  for (const role of who) {
    it(`${role}: account and listing routes`, async () => {
      listingId = await ownersListing()
      const id = String(listingId)
      const jar = jars[role]
      const got: Record<string, Expect> = {
        'GET /account': normalise(await run(account.loader, '/account', { jar })),
        'GET /my/listings': normalise(await run(mine.loader, '/my/listings', { jar })),
        'GET /my/listings/new': normalise(await run(create.loader, '/my/listings/new', { jar })),
        'POST /my/listings/new': normalise(
          await run(create.action, '/my/listings/new', { jar, form: form(`New by ${role}`) }),
        ),
        'GET /my/listings/:id': normalise(
          await run(edit.loader, `/my/listings/${id}`, { jar, params: { id } }),
        ),
        'POST /my/listings/:id': normalise(
          await run(edit.action, `/my/listings/${id}`, {
            jar,
            params: { id },
            form: form(`Changed by ${role}`),
          }),
        ),
        'GET /admin/outbox': normalise(await run(outbox.loader, '/admin/outbox', { jar })),
        ...(await moderationRoutes(jar)),
      }
      const expected = Object.fromEntries(Object.entries(matrix).map(([route, row]) => [route, row[role]]))
      expect(got).toEqual(expected)

      // Whatever the answer, only the owner's own save changed the listing, and it stayed the owner's.
      const row = await db
        .selectFrom('businesses')
        .select(['name_ru', 'owner_id'])
        .where('id', '=', listingId)
        .executeTakeFirstOrThrow()
      expect(row.owner_id).toBe('rm-owner')
      expect(row.name_ru).toBe(role === 'owner' ? 'Changed by owner' : 'Собственная')
    })
  }

  it('lists only the signed-in user’s own listings', async () => {
    const other = await run(mine.loader, '/my/listings', { jar: jars.entrepreneur })
    const names = (other.data as { listings: { name: string }[] }).listings.map((l) => l.name)
    expect(names).toEqual(['New by entrepreneur'])
  })

  it('ignores ownership fields smuggled into the form', async () => {
    const id = String(await ownersListing())
    const res = await run(edit.action, `/my/listings/${id}`, {
      jar: jars.owner,
      params: { id },
      form: {
        ...form('Smuggle'),
        owner_id: 'rm-entrepreneur',
        ownerId: 'rm-entrepreneur',
        status: 'published',
        id: '1',
      },
    })
    expect(res.status).toBe(302)
    const row = await db
      .selectFrom('businesses')
      .select(['owner_id', 'status'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ owner_id: 'rm-owner', status: 'draft' })
  })

  it('answers unknown, malformed and archived listing ids without leaking or changing anything', async () => {
    for (const id of ['999999', 'abc', '-1', '1 or 1=1']) {
      expect(
        (await run(edit.loader, `/my/listings/${id}`, { jar: jars.owner, params: { id } })).status,
        id,
      ).toBe(404)
    }
    const archived = await db
      .insertInto('businesses')
      .values({
        owner_id: 'rm-owner',
        name_ru: 'Архив',
        country_code: 'JP',
        status: 'archived',
        city: 'Tokyo',
        lat: 35.6,
        lon: 139.7,
        consent_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = String(archived.id)
    expect(
      (await run(edit.action, `/my/listings/${id}`, { jar: jars.owner, params: { id }, form: form('X') }))
        .status,
    ).toBe(403)
  })
})
