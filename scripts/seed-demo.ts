/**
 * Seeds deterministic demo data: `npm run db:seed -- --count 100000 [--seed 42] [--reset]`.
 * Refuses to write into a database that already has listings unless --reset is given.
 */
import { parseArgs } from 'node:util'
import { getDb, targetFromEnv } from '#db/client.server'
import { migrateToLatest } from '#db/migrate.server'
import { describeTarget } from '#db/open.server'
import { resetDemo, seedDemo } from './lib/demo/seed'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20180531' },
    reset: { type: 'boolean', default: false },
  },
})
const count = Number(values.count)
const seed = Number(values.seed)
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--count must be a whole number from 1 to 1000000')
  process.exit(2)
}
if (!Number.isInteger(seed)) {
  console.error('--seed must be a whole number')
  process.exit(2)
}

const db = await getDb()
console.log(`Seeding ${describeTarget(targetFromEnv())}`)
await migrateToLatest(db)
const existing = await db
  .selectFrom('businesses')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow()
if (Number(existing.n) > 0) {
  if (!values.reset) {
    console.error(
      `The database already has ${existing.n} listings; pass --reset to replace them with demo data.`,
    )
    await db.destroy()
    process.exit(1)
  }
  await resetDemo(db)
}
const report = await seedDemo(db, { count, seed })
console.log(
  `Seeded ${report.businesses} listings (${report.published} published) in ${(report.ms / 1000).toFixed(1)} s`,
)
await db.destroy()
