import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The production image runs the bundled start script after `npm prune --omit=dev`: every package the
 * bundle imports must be a production dependency, except inside the demo-seed chunk, which loads only
 * when demo data is on (never in the image).
 */
const root = path.resolve(import.meta.dirname, '../..')
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-start-bundle-'))

afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

describe('bundled start script', () => {
  it('imports only production dependencies outside the demo-seed chunk', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      scripts: Record<string, string>
    }
    const args = (pkg.scripts['build:start'] ?? '').split(' ').slice(1)
    const esbuild = path.join(root, 'node_modules/.bin/esbuild')
    await promisify(execFile)(
      esbuild,
      [...args.filter((a) => !a.startsWith('--outdir=')), `--outdir=${out}`],
      {
        cwd: root,
      },
    )
    const files = fs.readdirSync(out)
    expect(files).toContain('start.js')
    const production = new Set(Object.keys(pkg.dependencies))
    const strays: string[] = []
    for (const file of files) {
      if (file.startsWith('seed-')) continue
      const code = fs.readFileSync(path.join(out, file), 'utf8')
      for (const [, spec] of code.matchAll(/(?:^|\n)import [^;]*?from "([^"]+)"/g)) {
        if (!spec || spec.startsWith('.') || spec.startsWith('node:')) continue
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : (spec.split('/')[0] ?? spec)
        if (!production.has(name)) strays.push(`${file}: ${spec}`)
      }
    }
    expect(strays).toEqual([])
    // The seed chunk is reached only through a dynamic import.
    const start = fs.readFileSync(path.join(out, 'start.js'), 'utf8')
    expect(start).toMatch(/import\("\.\/seed-[\w-]+\.js"\)/)
  })
})
