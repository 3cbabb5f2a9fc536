import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema'
import { passwordHasher } from '~/modules/accounts/auth.server'
import * as signIn from '~/routes/sign-in'
import { type Jar, newJar, run } from './http'

export const TEST_PASSWORD = 'test-password-123'

/** A confirmed account with the given roles (council_coordinator takes the council of `country`). */
export async function createUser(db: Kysely<Database>, id: string, roles: Role[], country?: string) {
  const email = `${id}@test.example.org`
  await db.insertInto('users').values({ id, email, name: id, email_verified: true }).execute()
  await db
    .insertInto('accounts')
    .values({
      id: `${id}-credential`,
      user_id: id,
      account_id: id,
      provider_id: 'credential',
      password: await passwordHasher.hash(TEST_PASSWORD),
    })
    .execute()
  for (const role of roles) {
    let councilId: number | null = null
    if (role === 'council_coordinator') {
      const council = await db
        .insertInto('councils')
        .values({ country_code: country ?? 'JP', name_ru: `Совет ${id}`, name_en: `Council ${id}` })
        .onConflict((oc) => oc.column('country_code').doUpdateSet({ updated_at: new Date() }))
        .returning('id')
        .executeTakeFirstOrThrow()
      councilId = council.id
    }
    await db.insertInto('role_grants').values({ user_id: id, role, council_id: councilId }).execute()
  }
  return email
}

export async function sessionFor(email: string, password = TEST_PASSWORD): Promise<Jar> {
  const jar = newJar()
  const outcome = await run(signIn.action, '/sign-in', {
    form: { email, password },
    jar,
    ip: `203.0.113.${Math.floor(Math.random() * 250)}`,
  })
  if (outcome.status !== 302) throw new Error(`sign-in failed for ${email}: ${outcome.status}`)
  return jar
}
