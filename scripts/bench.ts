/**
 * `npm run bench`: every benchmark, one after another (they would disturb each other in
 * parallel), against the local PostgreSQL server, gathered into one table. `--write` puts the
 * table into docs/performance.md with the machine it was taken on. Figures only: nothing asserts.
 *
 *   npm run bench                          # 100,000 listings, all benchmarks
 *   npm run bench -- --count 10000 --only ssr,export --write
 *   options: --server URL (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type Figure, parseFigures } from './lib/bench-report'
import { renderPerformanceDoc } from './lib/performance-doc'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    only: { type: 'string' },
    write: { type: 'boolean', default: false },
  },
})
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const count = values.count
const server = values.server

const benches: { name: string; script: string; args: string[] }[] = [
  { name: 'search', script: 'scripts/bench-search.ts', args: ['--count', count, '--no-pglite', '--drop'] },
  { name: 'map', script: 'scripts/bench-map.ts', args: ['--count', count, '--server', server] },
  { name: 'export', script: 'scripts/bench-export.ts', args: ['--count', count, '--server', server] },
  { name: 'import', script: 'scripts/bench-import.ts', args: ['--server', server] },
  { name: 'ssr', script: 'scripts/bench-ssr.ts', args: ['--count', count, '--server', server, '--reuse'] },
  {
    name: 'ssr-render',
    script: 'scripts/bench-ssr.ts',
    args: ['--count', count, '--server', server, '--reuse', '--no-page-cache'],
  },
  { name: 'duplicates', script: 'scripts/bench-duplicates.ts', args: ['--count', count, '--server', server] },
  { name: 'digest', script: 'scripts/bench-digest.ts', args: ['--count', count, '--server', server] },
]
const only = values.only?.split(',').map((s) => s.trim())
const selected = only ? benches.filter((b) => only.includes(b.name)) : benches
if (only && selected.length !== only.length) {
  console.error(`--only takes a comma-separated list of: ${benches.map((b) => b.name).join(', ')}`)
  process.exit(2)
}

function runBench(script: string, args: string[]): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const serverDb = Object.assign(new URL(server), { pathname: '/cbm_bench' }).toString()
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: root,
      env: { ...process.env, BENCH_REPORT: '1', BENCH_DATABASE_URL: serverDb },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      output += text
      // People watching see the benchmark's own output; the figure lines are for the table.
      for (const line of text.split('\n')) if (line && !line.startsWith('::bench ')) console.log(`  ${line}`)
    })
    child.once('exit', (code) => resolve({ output, code }))
  })
}

const figures: Figure[] = []
const failed: string[] = []
const started = performance.now()
for (const bench of selected) {
  console.log(`\n=== ${bench.name}: ${bench.script} ${bench.args.join(' ')}`)
  const { output, code } = await runBench(bench.script, bench.args)
  if (code !== 0) failed.push(`${bench.name} (exit ${code})`)
  figures.push(...parseFigures(output))
}
const minutes = (performance.now() - started) / 60_000

const machine = {
  cpu: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`,
  memory: `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`,
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
  listings: Number(count),
}
const doc = renderPerformanceDoc(figures, machine)
console.log(`\n${doc.table}`)
console.log(`\n${figures.length} figures in ${minutes.toFixed(1)} min on ${machine.cpu}, ${machine.memory}`)
if (failed.length) console.log(`Failed: ${failed.join(', ')}`)
if (values.write) {
  const file = path.join(root, 'docs/performance.md')
  fs.writeFileSync(file, doc.render(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null))
  // Aligned the way the linter wants it, so the written file passes CI as it is.
  execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' })
  console.log(`Wrote ${path.relative(root, file)}`)
}
process.exit(failed.length ? 1 : 0)
