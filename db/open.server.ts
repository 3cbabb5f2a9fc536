import fs from 'node:fs'
import path from 'node:path'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

// int8 (counts, bigint ids) as JS numbers: our values stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null }

export function describeTarget(target: DatabaseTarget) {
  return target.kind === 'postgres'
    ? target.url.replace(/\/\/[^@/]*@/, '//***@')
    : `pglite:${target.dataDir ?? 'memory'}`
}

// PGlite and its WebAssembly build are loaded only when used: ~80 MB a server-backed process need not hold.
export async function openPGlite(dataDir: string | null, loadDataDir?: Blob) {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ])
  return PGlite.create({
    dataDir: dataDir ?? undefined,
    extensions: { pg_trgm, unaccent },
    loadDataDir,
    relaxedDurability: false,
  })
}

/** Opens a Kysely instance on either a PostgreSQL server or an embedded PGlite. */
export async function openDatabase(target: DatabaseTarget, options: { loadDataDir?: Blob } = {}) {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    })
    // A connection that dies (server restart, network cut) emits 'error' on its client, and on the pool
    // while idle; unheard, either event ends the process. Both are heard here: the query in flight fails
    // on its own, the pool drops the dead connection and opens a new one when next asked.
    pool.on('error', (error) => console.warn(`database: idle connection lost: ${error.message}`))
    pool.on('connect', (client) => {
      client.on('error', () => {})
    })
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  }
  const client = await openPGlite(target.dataDir, options.loadDataDir)
  const { serialPGliteDialect } = await import('./pglite-dialect.server')
  return new Kysely<Database>({ dialect: serialPGliteDialect(client) })
}
