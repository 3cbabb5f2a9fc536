import fs from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * `docker compose config` cannot run here (no Compose plugin, no registry to pull from), so the
 * production compose file is checked against the Compose Specification's own JSON schema
 * (tests/fixtures/compose-spec.md says where it comes from), then for what production relies on.
 */
const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

type Service = {
  image?: string
  build?: unknown
  deploy?: { replicas?: number }
  environment?: Record<string, string>
  healthcheck?: { test: string[] | string }
  depends_on?: Record<string, { condition: string }>
  volumes?: string[]
  ports?: string[]
}
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> }

// Compose files may use YAML merge keys (`<<: *anchor`); Docker Compose resolves them.
const compose = parse(read('compose.yaml'), { merge: true }) as Compose
const services = compose.services

function validator() {
  const schema = JSON.parse(read('tests/fixtures/compose-spec.json')) as Record<string, unknown>
  // The schema names its meta-schema with an https URL Ajv does not register; it is draft-07, Ajv's default.
  delete schema.$schema
  return new Ajv({ allErrors: true, strict: false }).compile(schema)
}

describe('compose.yaml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = validator()
    const ok = validate(compose)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('the schema check is not vacuous: it rejects a broken file', () => {
    const validate = validator()
    // (Numbers may be strings there, for interpolation: a wrong replica count is the next test's job.)
    expect(validate({ services: { app: { depends_on: { db: { condition: 'healthy' } } } } })).toBe(false)
    expect(validate({ services: { app: { image: 'x', healthcheck: { tset: ['CMD', 'true'] } } } })).toBe(
      false,
    )
    expect(validate({ servicez: {} })).toBe(false)
  })

  it('runs two app replicas from the Dockerfile behind a proxy that spreads requests over them', () => {
    const app = services.app
    expect(app?.build).toBe('.')
    expect(app?.deploy?.replicas).toBe(2)
    // Replicas cannot share a published port: only the proxy publishes one.
    expect(app?.ports).toBeUndefined()
    expect(services.proxy?.depends_on?.app?.condition).toBe('service_healthy')
    const caddyfile = read('deploy/Caddyfile')
    expect(caddyfile).toMatch(/dynamic a app 3000/)
    expect(caddyfile).toMatch(/lb_policy round_robin/)
  })

  it('has a health check on every long-running service, the app asking /readyz', () => {
    for (const name of ['postgres', 'meilisearch', 'app']) {
      expect(services[name]?.healthcheck?.test, name).toBeTruthy()
    }
    expect(JSON.stringify(services.app?.healthcheck?.test)).toContain('/readyz')
  })

  it('requires the secrets: compose refuses to start without them', () => {
    const env = services.app?.environment ?? {}
    expect(env.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?.+\}$/)
    expect(env.APP_URL).toMatch(/^\$\{APP_URL:\?.+\}$/)
    expect(env.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?.+\}$/)
    expect(env.DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?.+\}@postgres:5432\/cbm$/)
    expect(env.NODE_ENV).toBe('production')
    expect(env.DEMO_DATA).toBe('off')
    // Every variable the file requires is in the example .env.
    const example = read('deploy/env.example')
    for (const [, name] of read('compose.yaml').matchAll(/\$\{(\w+):\?/g)) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'))
    }
  })

  it('keeps PostgreSQL and Meilisearch data in named volumes', () => {
    expect(services.postgres?.volumes).toContain('postgres-data:/var/lib/postgresql/data')
    expect(services.meilisearch?.volumes).toContain('meili-data:/meili_data')
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['postgres-data', 'meili-data']),
    )
  })

  it('starts the app only on a healthy database and search engine', () => {
    expect(services.app?.depends_on?.postgres?.condition).toBe('service_healthy')
    expect(services.app?.depends_on?.meilisearch?.condition).toBe('service_healthy')
  })

  it('backs the database up with pg_dump on a schedule, into ./backups', () => {
    const backup = services.backup
    expect(backup?.volumes).toContain('./backups:/backups')
    expect(read('deploy/backup.sh')).toMatch(/pg_dump --format=custom/)
  })
})

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile')

  it('builds in stages with npm ci, prunes dev dependencies and runs the bundled start script as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2)
    expect(dockerfile).toMatch(/RUN npm ci/)
    expect(dockerfile).toMatch(/npm run build\b/)
    expect(dockerfile).toMatch(/npm run build:start/)
    expect(dockerfile).toMatch(/npm prune --omit=dev/)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/^CMD \["node", "build\/start\/start.js"\]$/m)
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    expect(pkg.scripts['build:start']).toMatch(/--outdir=build\/start/)
  })

  it('keeps local data, secrets and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n')
    for (const entry of ['node_modules', 'data', '.env', '.git', 'build', 'backups'])
      expect(ignored).toContain(entry)
  })
})

describe('README', () => {
  it('documents every environment variable the app reads', () => {
    const readme = read('README.md')
    const names = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        // Benchmarks set their own variables for the process they start.
        else if (/\.tsx?$/.test(entry.name) && !/^bench/.test(entry.name))
          for (const [, name] of read(file).matchAll(/process\.env\.(\w+)/g)) names.add(name as string)
      }
    }
    // What the running app reads: its code and the start script with its helpers (not dev tools).
    for (const dir of ['app', 'db', 'scripts/lib']) walk(dir)
    for (const [, name] of read('scripts/start.ts').matchAll(/process\.env\.(\w+)/g))
      names.add(name as string)
    // Set by the test runner itself.
    names.delete('VITEST')
    expect(names.size).toBeGreaterThan(10)
    for (const name of names) expect(readme, name).toContain(`\`${name}\``)
  })
})
