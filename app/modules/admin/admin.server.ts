import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema'
import { audit } from './audit.server'

/** A refused admin change; routes turn the code into a message in the admin's language. */
export class AdminError extends Error {
  constructor(
    readonly code:
      | 'notFound'
      | 'councilRequired'
      | 'duplicate'
      | 'selfAdmin'
      | 'selfBlock'
      | 'councilExists'
      | 'countryInUse',
  ) {
    super(`admin refused: ${code}`)
  }
}

export const ROLES: readonly Role[] = [
  'entrepreneur',
  'council_coordinator',
  'wg_member',
  'wg_chair',
  'admin',
]

export type AdminUser = {
  id: string
  email: string
  name: string
  blocked: boolean
  grants: { id: number; role: Role; countryCode: string | null }[]
}

/** Users whose e-mail or name contains the query (case-insensitive), with their roles. */
export async function findUsers(db: Kysely<Database>, query: string, limit = 50): Promise<AdminUser[]> {
  let q = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'blocked_at'])
    .where('deleted_at', 'is', null)
    .orderBy('email')
    .limit(limit)
  const needle = query.trim()
  if (needle) {
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]))
  }
  const users = await q.execute()
  if (users.length === 0) return []
  const grants = await db
    .selectFrom('role_grants')
    .leftJoin('councils', 'councils.id', 'role_grants.council_id')
    .select(['role_grants.id', 'role_grants.user_id', 'role_grants.role', 'councils.country_code'])
    .where(
      'role_grants.user_id',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('role_grants.id')
    .execute()
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    blocked: u.blocked_at !== null,
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role, countryCode: g.country_code?.trim() ?? null })),
  }))
}

/** Grants a role; a coordinator's role names its council (by the council's country). */
export async function grantRole(
  db: Kysely<Database>,
  actorId: string,
  input: { userId: string; role: Role; countryCode: string | null },
) {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst()
    if (!user) throw new AdminError('notFound')
    let councilId: number | null = null
    if (input.role === 'council_coordinator') {
      if (!input.countryCode) throw new AdminError('councilRequired')
      const council = await trx
        .selectFrom('councils')
        .select('id')
        .where('country_code', '=', input.countryCode)
        .executeTakeFirst()
      if (!council) throw new AdminError('councilRequired')
      councilId = council.id
    }
    const inserted = await trx
      .insertInto('role_grants')
      .values({ user_id: input.userId, role: input.role, council_id: councilId, granted_by: actorId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) throw new AdminError('duplicate')
    await audit(trx, {
      entity: 'role_grant',
      id: inserted.id,
      action: 'granted',
      actorId,
      after: {
        user_id: input.userId,
        role: input.role,
        council_id: councilId,
        country_code: input.countryCode,
      },
    })
    return inserted.id
  })
}

/** Revokes one grant. An admin cannot take away their own admin role (nobody would be left to undo it). */
export async function revokeRole(db: Kysely<Database>, actorId: string, grantId: number) {
  await db.transaction().execute(async (trx) => {
    const grant = await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst()
    if (!grant) throw new AdminError('notFound')
    if (grant.user_id === actorId && grant.role === 'admin') throw new AdminError('selfAdmin')
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute()
    await audit(trx, { entity: 'role_grant', id: grantId, action: 'revoked', actorId, before: grant })
  })
}

/** Blocks (and signs out everywhere) or unblocks a user. */
export async function setBlocked(db: Kysely<Database>, actorId: string, userId: string, blocked: boolean) {
  if (userId === actorId) throw new AdminError('selfBlock')
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'blocked_at'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) throw new AdminError('notFound')
    await trx
      .updateTable('users')
      .set({ blocked_at: blocked ? (user.blocked_at ?? new Date()) : null, updated_at: new Date() })
      .where('id', '=', userId)
      .execute()
    if (blocked) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await audit(trx, {
      entity: 'user',
      id: userId,
      action: blocked ? 'blocked' : 'unblocked',
      actorId,
      before: { blocked: user.blocked_at !== null },
      after: { blocked },
    })
  })
}

export type CouncilInput = {
  countryCode: string
  nameRu: string
  nameEn: string
  email: string | null
  phone: string | null
  website: string | null
}

export async function listCouncils(db: Kysely<Database>) {
  const [councils, coordinators] = await Promise.all([
    db.selectFrom('councils').selectAll().orderBy('country_code').execute(),
    db
      .selectFrom('role_grants')
      .innerJoin('users', 'users.id', 'role_grants.user_id')
      .select(['role_grants.council_id', 'users.email'])
      .where('role_grants.role', '=', 'council_coordinator')
      .orderBy('users.email')
      .execute(),
  ])
  return councils.map((c) => ({
    id: c.id,
    countryCode: c.country_code.trim(),
    nameRu: c.name_ru,
    nameEn: c.name_en,
    email: c.email,
    phone: c.phone,
    website: c.website,
    coordinators: coordinators.filter((g) => g.council_id === c.id).map((g) => g.email),
  }))
}

/** Creates the country's council or updates it (one council per country). */
export async function saveCouncil(db: Kysely<Database>, actorId: string, input: CouncilInput) {
  await db.transaction().execute(async (trx) => {
    const country = await trx
      .selectFrom('countries')
      .select('code')
      .where('code', '=', input.countryCode)
      .executeTakeFirst()
    if (!country) throw new AdminError('notFound')
    const before = await trx
      .selectFrom('councils')
      .selectAll()
      .where('country_code', '=', input.countryCode)
      .executeTakeFirst()
    const values = {
      name_ru: input.nameRu,
      name_en: input.nameEn,
      email: input.email,
      phone: input.phone,
      website: input.website,
    }
    const after = before
      ? await trx
          .updateTable('councils')
          .set({ ...values, updated_at: new Date() })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('councils')
          .values({ ...values, country_code: input.countryCode })
          .returningAll()
          .executeTakeFirstOrThrow()
    await audit(trx, {
      entity: 'council',
      id: after.id,
      action: before ? 'updated' : 'created',
      actorId,
      before,
      after,
    })
  })
}

export async function listCountries(db: Kysely<Database>) {
  const rows = await db.selectFrom('countries').selectAll().orderBy('code').execute()
  return rows.map((r) => ({
    code: r.code.trim(),
    nameRu: r.name_ru,
    nameEn: r.name_en,
    inRegion: r.in_region,
  }))
}

/** Adds a country to the region (creating it when new) or takes it out; its listings stay. */
export async function setCountryInRegion(
  db: Kysely<Database>,
  actorId: string,
  input: { code: string; inRegion: boolean; nameRu?: string; nameEn?: string },
) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('countries')
      .selectAll()
      .where('code', '=', input.code)
      .executeTakeFirst()
    if (!before && !(input.inRegion && input.nameRu && input.nameEn)) throw new AdminError('notFound')
    const after = before
      ? await trx
          .updateTable('countries')
          .set({ in_region: input.inRegion })
          .where('code', '=', input.code)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('countries')
          .values({
            code: input.code,
            name_ru: input.nameRu as string,
            name_en: input.nameEn as string,
            in_region: true,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
    await audit(trx, {
      entity: 'country',
      id: input.code,
      action: before ? (input.inRegion ? 'added_to_region' : 'removed_from_region') : 'created',
      actorId,
      before,
      after,
    })
  })
}

export async function listSectors(db: Kysely<Database>) {
  return db.selectFrom('sectors').selectAll().orderBy('position').execute()
}

/** Renames a sector (its code, the classification's letter, never changes). */
export async function saveSectorLabels(
  db: Kysely<Database>,
  actorId: string,
  input: { code: string; nameRu: string; nameEn: string; shortRu: string; shortEn: string },
) {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sectors')
      .selectAll()
      .where('code', '=', input.code)
      .executeTakeFirst()
    if (!before) throw new AdminError('notFound')
    const after = await trx
      .updateTable('sectors')
      .set({ name_ru: input.nameRu, name_en: input.nameEn, short_ru: input.shortRu, short_en: input.shortEn })
      .where('code', '=', input.code)
      .returningAll()
      .executeTakeFirstOrThrow()
    await audit(trx, { entity: 'sector', id: input.code, action: 'updated', actorId, before, after })
  })
}
