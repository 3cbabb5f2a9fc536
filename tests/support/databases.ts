import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase } from '#db/open.server'
import type { Database } from '#db/schema'

export type TestDatabase = {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated database with reference data and nothing else. */
  open: () => Promise<Kysely<Database>>
  /**
   * The same, on storage that outlives its connection: `restart` closes the database and opens it again
   * (a file-backed PGlite, or a new pool on the server), as an app restart would.
   */
  openRestartable: () => Promise<Restartable>
}

export type Restartable = { db: Kysely<Database>; restart: () => Promise<Kysely<Database>> }

let counter = 0

function serverUrlFor(base: string, database: string) {
  const url = new URL(base)
  url.pathname = `/${database}`
  return url.toString()
}

async function createFromTemplate(adminUrl: string, template: string) {
  const name = `${template}_${process.pid}_${++counter}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`create database "${name}" template "${template}"`)
  } finally {
    await client.end()
  }
  return name
}

/** Every database the suite runs against: PGlite always, the server when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      open: async () => {
        const snapshot = inject('pgliteSnapshot')
        const blob = new Blob([fs.readFileSync(snapshot)])
        return openDatabase({ kind: 'pglite', dataDir: null }, { loadDataDir: blob })
      },
      openRestartable: async () => {
        const blob = new Blob([fs.readFileSync(inject('pgliteSnapshot'))])
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'restartable-'))
        let db = await openDatabase({ kind: 'pglite', dataDir }, { loadDataDir: blob })
        return {
          db,
          restart: async () => {
            await db.destroy()
            db = await openDatabase({ kind: 'pglite', dataDir })
            return db
          },
        }
      },
    },
  ]
  const server = inject('serverTemplate')
  if (server) {
    list.push({
      name: 'postgres',
      open: async () => {
        const name = await createFromTemplate(server.adminUrl, server.template)
        return openDatabase({ kind: 'postgres', url: serverUrlFor(server.adminUrl, name) })
      },
      openRestartable: async () => {
        const name = await createFromTemplate(server.adminUrl, server.template)
        const url = serverUrlFor(server.adminUrl, name)
        let db = await openDatabase({ kind: 'postgres', url })
        return {
          db,
          restart: async () => {
            await db.destroy()
            db = await openDatabase({ kind: 'postgres', url })
            return db
          },
        }
      },
    })
  }
  return list
}

/**
 * The address of a new database on the test server: a migrated clone of the run's template, or an empty
 * one. Null without TEST_DATABASE_URL. Named after the template, so the global teardown drops it.
 */
export async function newServerDatabaseUrl({ empty = false }: { empty?: boolean } = {}) {
  const server = inject('serverTemplate')
  if (!server) return null
  let name: string
  if (empty) {
    name = `${server.template}_empty_${process.pid}_${++counter}`
    const client = new pg.Client({ connectionString: server.adminUrl })
    await client.connect()
    try {
      await client.query(`create database "${name}"`)
    } finally {
      await client.end()
    }
  } else {
    name = await createFromTemplate(server.adminUrl, server.template)
  }
  return serverUrlFor(server.adminUrl, name)
}
