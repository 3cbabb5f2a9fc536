import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { sessionSecretProblem } from '~/modules/accounts/secret.server'

const good = 'f3K9q2Lx7VbN1mZr8TcW4yHs6JdP0aEu5GiO'

describe('session secret policy', () => {
  it('production needs one; a laptop does not', () => {
    expect(sessionSecretProblem({ NODE_ENV: 'production' })).toMatch(
      /^SESSION_SECRET is required when NODE_ENV=production/,
    )
    expect(sessionSecretProblem({ NODE_ENV: 'production', SESSION_SECRET: '' })).toMatch(/required/)
    expect(sessionSecretProblem({})).toBeNull()
    expect(sessionSecretProblem({ NODE_ENV: 'development' })).toBeNull()
    expect(sessionSecretProblem({ NODE_ENV: 'production', SESSION_SECRET: good })).toBeNull()
    expect(sessionSecretProblem({ NODE_ENV: 'production', BETTER_AUTH_SECRET: good })).toBeNull()
  })

  it('refuses short, repetitive and placeholder values, anywhere they are set', () => {
    expect(sessionSecretProblem({ NODE_ENV: 'production', SESSION_SECRET: 'short-secret' })).toMatch(
      /too short \(12 characters, at least 32/,
    )
    expect(sessionSecretProblem({ SESSION_SECRET: 'a'.repeat(64) })).toMatch(/placeholder/)
    expect(sessionSecretProblem({ SESSION_SECRET: '0123'.repeat(10) })).toMatch(/placeholder/)
    expect(sessionSecretProblem({ SESSION_SECRET: `change-me-${good}` })).toMatch(/placeholder/)
    expect(sessionSecretProblem({ BETTER_AUTH_SECRET: 'x' })).toMatch(/^BETTER_AUTH_SECRET is too short/)
  })

  it('every problem is one line that says how to fix it', () => {
    for (const env of [
      { NODE_ENV: 'production' },
      { SESSION_SECRET: 'x' },
      { SESSION_SECRET: 'a'.repeat(40) },
    ]) {
      const problem = sessionSecretProblem(env) ?? ''
      expect(problem).not.toContain('\n')
      expect(problem).toContain('openssl rand')
    }
  })
})

describe('npm start in production', () => {
  const start = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATA_DIR: '/nonexistent', ...env },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    )

  it('refuses to start without SESSION_SECRET, or with a weak one, and prints why in one line', async () => {
    const [missing, weak] = await Promise.all([start({}), start({ SESSION_SECRET: 'secret' })])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toEqual([
      'SESSION_SECRET is required when NODE_ENV=production: generate one with `openssl rand -base64 48`',
    ])
    expect(weak.code).toBe(1)
    expect(weak.stderr.trim()).toMatch(/^SESSION_SECRET is too short \(6 characters/)
  })
})
