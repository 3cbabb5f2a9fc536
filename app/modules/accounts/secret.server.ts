import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { dataDir } from '#db/client.server'

let cached: string | undefined

const MIN_LENGTH = 32
const MIN_DISTINCT = 10
// Values people paste from examples instead of generating one.
const PLACEHOLDER = /change.?me|replace.?me|example|placeholder|your.?secret|^(secret|password)/i
const HOW = 'generate one with `openssl rand -base64 48`'

/**
 * Why a session secret is unusable, in one line, or null when it will do. Production (NODE_ENV=production)
 * must set SESSION_SECRET; anywhere, a set secret must be long and not an obvious placeholder, because
 * whoever knows it can forge any session.
 */
export function sessionSecretProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const name = env.SESSION_SECRET !== undefined ? 'SESSION_SECRET' : 'BETTER_AUTH_SECRET'
  const value = env.SESSION_SECRET ?? env.BETTER_AUTH_SECRET
  if (value === undefined || value === '') {
    return env.NODE_ENV === 'production'
      ? `SESSION_SECRET is required when NODE_ENV=production: ${HOW}`
      : null
  }
  if (value.length < MIN_LENGTH)
    return `${name} is too short (${value.length} characters, at least ${MIN_LENGTH} needed): ${HOW}`
  if (new Set(value).size < MIN_DISTINCT || PLACEHOLDER.test(value))
    return `${name} looks like a placeholder, not a random value: ${HOW}`
  return null
}

/**
 * The secret better-auth signs its session cookie and tokens with. Production must set
 * SESSION_SECRET; development generates one on first run and keeps it in the data folder,
 * so sessions survive restarts without anyone having to configure anything.
 */
export function sessionSecret(): string {
  if (cached) return cached
  const problem = sessionSecretProblem()
  if (problem) throw new Error(problem)
  const fromEnv = process.env.SESSION_SECRET || process.env.BETTER_AUTH_SECRET
  if (fromEnv) {
    cached = fromEnv
    return cached
  }
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
