import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Kysely } from 'kysely'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateToLatest } from '#db/migrate.server'
import { openDatabase, openPGlite } from '#db/open.server'
import { serialPGliteDialect } from '#db/pglite-dialect.server'
import type { Database } from '#db/schema'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
    serverTemplate: { adminUrl: string; template: string } | null
  }
}

/**
 * Migrates once per run and hands every test file a copy: a PGlite data-dir
 * snapshot, and (with TEST_DATABASE_URL) a template database on the server that
 * each test file clones. Every server database made here is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-test-'))
  const client = await openPGlite(null)
  const db = new Kysely<Database>({ dialect: serialPGliteDialect(client) })
  await migrateToLatest(db)
  const dump = await client.dumpDataDir('none')
  const snapshot = path.join(tmp, 'pglite.tar')
  fs.writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()))
  await db.destroy()
  project.provide('pgliteSnapshot', snapshot)

  const serverUrl = process.env.TEST_DATABASE_URL
  let template: string | null = null
  if (serverUrl) {
    template = `cbm_test_${Date.now()}_${process.pid}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database "${template}"`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${template}`
    const serverDb = await openDatabase({ kind: 'postgres', url: url.toString() })
    await migrateToLatest(serverDb)
    await serverDb.destroy()
    project.provide('serverTemplate', { adminUrl: serverUrl, template })
  } else {
    project.provide('serverTemplate', null)
    console.log('TEST_DATABASE_URL is not set: database tests run on PGlite only.')
  }

  return async () => {
    fs.rmSync(tmp, { recursive: true, force: true })
    if (!serverUrl || !template) return
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${template}%`],
    )
    // Template last: clones were made from it.
    for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length)) {
      await admin.query(`drop database if exists "${datname}" with (force)`)
    }
    await admin.end()
  }
}
