import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from '#db/client.server'

let cached: string | undefined

/**
 * The secret better-auth signs its session cookie and tokens with. Production must set
 * SESSION_SECRET; development generates one on first run and keeps it in the data folder,
 * so sessions survive restarts without anyone having to configure anything.
 */
export function sessionSecret(): string {
  if (cached) return cached
  const fromEnv = process.env.SESSION_SECRET ?? process.env.BETTER_AUTH_SECRET
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters long')
    cached = fromEnv
    return cached
  }
  if (process.env.NODE_ENV === 'production') throw new Error('SESSION_SECRET is required in production')
  if (process.env.NODE_ENV === 'test' || process.env.VITEST) {
    cached = 'test-only-session-secret-not-for-production-use-0123456789'
    return cached
  }
  const file = path.join(dataDir(), 'session-secret')
  if (fs.existsSync(file)) {
    cached = fs.readFileSync(file, 'utf8').trim()
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    cached = randomBytes(32).toString('base64url')
    fs.writeFileSync(file, cached, { mode: 0o600 })
  }
  return cached
}
