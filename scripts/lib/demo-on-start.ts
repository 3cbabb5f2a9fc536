import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'

/** `npm start` on an empty database fills it with demo data, unless DEMO_DATA=off or in production. */
export async function seedDemoIfEmpty(db: Kysely<Database>) {
  const wanted = process.env.DEMO_DATA ?? (process.env.NODE_ENV === 'production' ? 'off' : 'on')
  if (wanted === 'off') return
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(row.n) > 0) return
  const { seedDemo } = await import('./demo/seed')
  const count = Number(process.env.DEMO_COUNT ?? 2000)
  const report = await seedDemo(db, { count, seed: 20180531 })
  console.log(`Demo data: ${report.businesses} listings in ${(report.ms / 1000).toFixed(1)} s`)
}
