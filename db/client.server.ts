import path from 'node:path'
import type { Kysely } from 'kysely'
import { type DatabaseTarget, openDatabase } from './open.server'
import type { Database } from './schema'

export function dataDir() {
  return path.resolve(process.env.DATA_DIR ?? './data')
}

export function targetFromEnv(): DatabaseTarget {
  const url = process.env.DATABASE_URL
  if (url) return { kind: 'postgres', url }
  return { kind: 'pglite', dataDir: path.join(dataDir(), 'pglite') }
}

// The server build and the tsx start script are two module graphs in one process;
// keeping the instance on globalThis makes them share the single PGlite handle.
const globalForDb = globalThis as typeof globalThis & { __cbmDb?: Promise<Kysely<Database>> }

export function getDb(): Promise<Kysely<Database>> {
  globalForDb.__cbmDb ??= openDatabase(targetFromEnv())
  return globalForDb.__cbmDb
}

/** For tests and scripts that open their own database. */
export function setDb(db: Kysely<Database> | undefined) {
  globalForDb.__cbmDb = db ? Promise.resolve(db) : undefined
}
