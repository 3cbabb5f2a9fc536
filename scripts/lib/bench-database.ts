import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

async function onServer(serverUrl: string, statements: string[]) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    for (const statement of statements) await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/**
 * A fresh, empty database for one benchmark, set in the environment before the app's database
 * client is imported: `name` on the server when `serverUrl` is given (dropped and created anew),
 * else PGlite in a temporary folder.
 */
export async function freshBenchDatabase(name: string, serverUrl: string | undefined) {
  let tmpDir: string | null = null
  if (serverUrl) {
    await onServer(serverUrl, [`drop database if exists "${name}" with (force)`, `create database "${name}"`])
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    process.env.DATABASE_URL = url.toString()
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name.replaceAll('_', '-')}-`))
    process.env.DATA_DIR = tmpDir
    delete process.env.DATABASE_URL
  }
  return {
    /** Seeds demo listings in their own process, so the benchmark's memory is its own. */
    seed(count: number | string) {
      console.log(`Seeding ${count} listings…`)
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--count', String(count)], {
        stdio: 'inherit',
        env: process.env,
      })
    },
    /** Removes the temporary folder; the server database too when `dropServerDatabase`. */
    async release(options: { dropServerDatabase: boolean }) {
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
      if (serverUrl && options.dropServerDatabase)
        await onServer(serverUrl, [`drop database if exists "${name}" with (force)`])
    },
  }
}
