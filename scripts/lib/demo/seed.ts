import { hash } from '@node-rs/argon2'
import { type Kysely, sql } from 'kysely'
import { cities } from '#db/reference/cities'
import type { Database, Role } from '#db/schema'
import { rebuildSearchData } from '~/modules/search/search-data.server'
import { DAY, DEMO_EPOCH, type DemoBusiness, type DemoOptions, generateDemoBusinesses } from './generate'

export const DEMO_PASSWORD = 'demo-password'

type DemoAccount = {
  id: string
  email: string
  name: string
  locale: 'ru' | 'en'
  roles: Role[]
  council?: string
}

export const demoAccounts: DemoAccount[] = [
  {
    id: 'demo-admin',
    email: 'admin@demo.example.org',
    name: 'Администратор',
    locale: 'ru',
    roles: ['admin'],
  },
  {
    id: 'demo-chair',
    email: 'chair@demo.example.org',
    name: 'Председатель рабочей группы',
    locale: 'ru',
    roles: ['wg_chair', 'wg_member'],
  },
  {
    id: 'demo-wg',
    email: 'wg@demo.example.org',
    name: 'Член рабочей группы',
    locale: 'ru',
    roles: ['wg_member'],
  },
  {
    id: 'demo-council-jp',
    email: 'council-jp@demo.example.org',
    name: 'Координатор КСОРС Японии',
    locale: 'ru',
    roles: ['council_coordinator'],
    council: 'JP',
  },
  {
    id: 'demo-council-cn',
    email: 'council-cn@demo.example.org',
    name: 'Координатор КСОРС Китая',
    locale: 'ru',
    roles: ['council_coordinator'],
    council: 'CN',
  },
  {
    id: 'demo-entrepreneur',
    email: 'entrepreneur@demo.example.org',
    name: 'Анна Предпринимательница',
    locale: 'ru',
    roles: ['entrepreneur'],
  },
]

const BATCH = 4000

/** Column list and types for jsonb_to_recordset: one JSON parameter per batch, whatever its size. */
const businessColumns = [
  ['id', 'integer'],
  ['owner_id', 'text'],
  ['name_ru', 'text'],
  ['name_en', 'text'],
  ['name_local', 'text'],
  ['local_lang', 'text'],
  ['description_ru', 'text'],
  ['description_en', 'text'],
  ['keywords', 'text[]'],
  ['country_code', 'char(2)'],
  ['city', 'text'],
  ['city_geoname_id', 'integer'],
  ['address', 'text'],
  ['lat', 'double precision'],
  ['lon', 'double precision'],
  ['founded_year', 'smallint'],
  ['size_band', 'text'],
  ['website', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['messengers', 'jsonb'],
  ['languages', 'text[]'],
  ['cooperation_kinds', 'text[]'],
  ['offers', 'text[]'],
  ['seeks', 'text[]'],
  ['public_email', 'boolean'],
  ['public_phone', 'boolean'],
  ['public_messengers', 'boolean'],
  ['public_address', 'boolean'],
  ['consent_at', 'timestamptz'],
  ['status', 'text'],
  ['moderator_reason', 'text'],
  ['verified_at', 'timestamptz'],
  ['verified_by', 'text'],
  ['submitted_at', 'timestamptz'],
  ['published_at', 'timestamptz'],
  ['archived_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
] as const

async function insertJson(
  db: Kysely<Database>,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: unknown[],
) {
  const names = sql.raw(columns.map(([name]) => `"${name}"`).join(', '))
  const definition = sql.raw(columns.map(([name, type]) => `"${name}" ${type}`).join(', '))
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH))
    await sql`insert into ${sql.table(table)} (${names}) select ${names} from jsonb_to_recordset(${batch}::jsonb) as x(${definition})`.execute(
      db,
    )
  }
}

/** Marks the listings the demo accounts and later end-to-end tests rely on. */
function assignDemoRoles(businesses: DemoBusiness[]) {
  const inJapan = businesses.filter((b) => b.country_code === 'JP' && b.status !== 'archived')
  inJapan.slice(0, 4).forEach((b, index) => {
    b.owner_id = 'demo-entrepreneur'
    b.status = index === 3 ? 'pending' : 'published'
    b.moderator_reason = null
    b.submitted_at ??= b.created_at
    b.published_at = b.status === 'published' ? b.updated_at : null
    b.archived_at = null
    // The first is due for its yearly confirmation, so the demo owner sees the request.
    b.confirmed_at = index === 0 ? new Date(DEMO_EPOCH - 400 * DAY).toISOString() : b.updated_at
  })
  // A moderation queue for each demo council, whatever the seed's draw.
  for (const code of ['JP', 'CN']) {
    businesses
      .filter((b) => b.country_code === code && b.owner_id === null)
      .slice(0, 6)
      .forEach((b) => {
        b.status = 'pending'
        b.moderator_reason = null
        b.verified_at = null
        b.submitted_at ??= b.created_at
        b.published_at = null
        b.archived_at = null
      })
  }
}

export type SeedReport = { businesses: number; published: number; ms: number }

export async function seedDemo(db: Kysely<Database>, options: DemoOptions): Promise<SeedReport> {
  const started = performance.now()
  const countries = await db
    .selectFrom('countries')
    .select(['code', 'name_ru', 'name_en'])
    .where('in_region', '=', true)
    .orderBy('code')
    .execute()
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 })

  const businesses = generateDemoBusinesses(
    options,
    cities,
    countries.map((c) => c.code),
  )
  assignDemoRoles(businesses)

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('councils')
      .values(
        countries.map((c) => ({
          country_code: c.code,
          name_ru: `Координационный совет российских соотечественников — ${c.name_ru}`,
          name_en: `Coordination Council of Russian Compatriots — ${c.name_en}`,
          email: `council-${c.code.toLowerCase()}@demo.example.org`,
        })),
      )
      .onConflict((oc) => oc.column('country_code').doNothing())
      .execute()
    const councils = await trx.selectFrom('councils').select(['id', 'country_code']).execute()
    const councilId = new Map(councils.map((c) => [c.country_code, c.id]))

    await trx
      .insertInto('users')
      .values(
        demoAccounts.map((a) => ({
          id: a.id,
          email: a.email,
          name: a.name,
          locale: a.locale,
          email_verified: true,
        })),
      )
      .execute()
    await trx
      .insertInto('accounts')
      .values(
        demoAccounts.map((a) => ({
          id: `${a.id}-credential`,
          user_id: a.id,
          account_id: a.id,
          provider_id: 'credential',
          password: passwordHash,
        })),
      )
      .execute()
    await trx
      .insertInto('role_grants')
      .values(
        demoAccounts.flatMap((a) =>
          a.roles.map((role) => ({
            user_id: a.id,
            role,
            council_id:
              role === 'council_coordinator' && a.council ? (councilId.get(a.council) ?? null) : null,
          })),
        ),
      )
      .execute()

    await insertJson(trx, 'businesses', businessColumns, businesses)
    await insertJson(
      trx,
      'business_sectors',
      [
        ['business_id', 'integer'],
        ['sector_code', 'text'],
        ['position', 'smallint'],
      ],
      businesses.flatMap((b) =>
        b.sectors.map((code, position) => ({ business_id: b.id, sector_code: code, position })),
      ),
    )
    await insertJson(
      trx,
      'business_regions',
      [
        ['business_id', 'integer'],
        ['region_code', 'text'],
      ],
      businesses.flatMap((b) => b.regions.map((code) => ({ business_id: b.id, region_code: code }))),
    )
    await insertJson(
      trx,
      'history',
      [
        ['entity_type', 'text'],
        ['entity_id', 'text'],
        ['action', 'text'],
        ['actor_id', 'text'],
        ['note', 'text'],
        ['created_at', 'timestamptz'],
      ],
      businesses.map((b) => ({
        entity_type: 'business',
        entity_id: String(b.id),
        action: 'created',
        actor_id: b.owner_id,
        note: 'demo data',
        created_at: b.created_at,
      })),
    )
    await sql`select setval(pg_get_serial_sequence('businesses', 'id'), (select max(id) from businesses))`.execute(
      trx,
    )

    const now = Date.now()
    await trx
      .insertInto('forums')
      .values({
        title_ru: 'Деловой форум российских соотечественников стран АТР',
        title_en: 'Business Forum of Russian Compatriots of the Asia-Pacific',
        year: new Date(now).getUTCFullYear() + 1,
        place_ru: 'Владивосток',
        place_en: 'Vladivostok',
        nominations_open_at: new Date(now - 30 * 86_400_000).toISOString(),
        nominations_close_at: new Date(now + 120 * 86_400_000).toISOString(),
        status: 'open',
        default_quota: 3,
        created_by: 'demo-chair',
      })
      .execute()
  })
  // Bulk inserts bypass onBusinessesChanged(): build the search data in one set-based pass instead.
  await rebuildSearchData(db)

  // Fresh statistics after a bulk load: without them the planner scans instead of using the indexes.
  await sql`analyze`.execute(db)
  return {
    businesses: businesses.length,
    published: businesses.filter((b) => b.status === 'published').length,
    ms: Math.round(performance.now() - started),
  }
}

/** Removes every listing and the demo accounts, keeping reference data. */
export async function resetDemo(db: Kysely<Database>) {
  await sql`truncate business_search, search_words, business_sectors, business_regions, nomination_reviews, nominations, forum_quotas, forums, search_outbox, history, businesses restart identity cascade`.execute(
    db,
  )
  await db
    .deleteFrom('users')
    .where(
      'id',
      'in',
      demoAccounts.map((a) => a.id),
    )
    .execute()
}
