/**
 * `npm run budget`: a Lighthouse-style budget for the home page. Builds the app if needed,
 * starts it (embedded PGlite, demo data, in a temporary data folder), and loads `/` in
 * Chromium on a throttled profile (Slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up; CPU 4×
 * slower), a fresh cache each run. It measures, from the browser's network events:
 *
 *   - JavaScript shipped to `/`: bytes on the wire (gzip) and uncompressed, split into what the
 *     HTML asks for (entry and route modules) and what loads after hydration (the Leaflet map)
 *   - total transfer of the page (HTML, CSS, JS, data, shapes)
 *   - Largest Contentful Paint, First Contentful Paint, and long tasks (over 50 ms) with their
 *     blocking part summed (a TBT-like figure, from navigation until the network is quiet)
 *
 * and prints a table against the budget. The exit code is 0 either way unless `--strict`.
 *
 *   npm run budget
 *   npm run budget -- --runs 5 --strict --port 3700
 *
 * Map tiles are off (MAP_TILE_URL=none): the budget is the app's own weight; a tile server's
 * images are a third party's and would only measure that server.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type CDPSession, chromium } from '@playwright/test'
import { ensureBuilt } from './lib/ensure-built'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3390' },
    strict: { type: 'boolean', default: false },
    url: { type: 'string' },
  },
})
const runs = Math.max(1, Number(values.runs))
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const BUDGET = {
  jsGzipKB: 250,
  lcpMs: 2500,
  transferKB: 1000,
  tbtMs: 600,
}
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}
const CPU_SLOWDOWN = 4

type Resource = { url: string; type: string; wire: number; body: number; lazy: boolean }
type Run = {
  resources: Resource[]
  lcp: number
  fcp: number
  longTasks: number
  longTaskMs: number
  tbt: number
}

async function startApp(): Promise<{ base: string; stop: () => Promise<void> }> {
  if (values.url) return { base: values.url.replace(/\/$/, ''), stop: async () => {} }
  await ensureBuilt(root)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-budget-'))
  const port = Number(values.port)
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      MAP_TILE_URL: 'none',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready in')) resolve()
    })
  })
  child.stdout?.resume()
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.removeAllListeners('exit')
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Records each response's type and sizes: wire bytes at loadingFinished, body bytes as data arrives. */
function recordNetwork(cdp: CDPSession) {
  const byId = new Map<string, Resource>()
  cdp.on('Network.responseReceived', (e) => {
    byId.set(e.requestId, { url: e.response.url, type: e.type, wire: 0, body: 0, lazy: false })
  })
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId)
    if (r) r.body += e.dataLength
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId)
    if (r) r.wire = e.encodedDataLength
  })
  return () => [...byId.values()]
}

async function measure(base: string): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    // Observers from the very start, so nothing before the script runs is missed.
    await page.addInitScript(() => {
      const w = window as unknown as { __perf: { lcp: number; fcp: number; tasks: [number, number][] } }
      w.__perf = { lcp: 0, fcp: 0, tasks: [] }
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__perf.lcp = e.startTime
      }).observe({ type: 'largest-contentful-paint', buffered: true })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__perf.fcp = e.startTime
      }).observe({ type: 'paint', buffered: true })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__perf.tasks.push([e.startTime, e.duration])
      }).observe({ type: 'longtask', buffered: true })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const resources = recordNetwork(cdp)
    const response = await page.goto(`${base}/`, { waitUntil: 'load', timeout: 120_000 })
    const html = (await response?.text()) ?? ''
    // The map's chunk and data load after hydration: wait for the map, then for a quiet network.
    await page.locator('.leaflet-container').waitFor({ timeout: 120_000 })
    await page.waitForLoadState('networkidle', { timeout: 120_000 })
    const perf = await page.evaluate(
      () => (window as unknown as { __perf: { lcp: number; fcp: number; tasks: [number, number][] } }).__perf,
    )
    // Scripts the server's HTML names (module preloads, the entry's import) load up front; any
    // other was imported later, on demand (the map). The live DOM will not do: Vite's loader adds
    // preload links for the lazy chunks too.
    const named = new Set(
      [...html.matchAll(/["'](\/assets\/[^"']+\.js)["']/g)].map((m) => new URL(m[1] ?? '', base).href),
    )
    const blocking = perf.tasks.filter(([start]) => start >= perf.fcp)
    return {
      resources: resources().map((r) => ({ ...r, lazy: r.type === 'Script' && !named.has(r.url) })),
      lcp: perf.lcp,
      fcp: perf.fcp,
      longTasks: perf.tasks.length,
      longTaskMs: perf.tasks.reduce((sum, [, d]) => sum + d, 0),
      tbt: blocking.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
    }
  } finally {
    await browser.close()
  }
}

const kb = (bytes: number) => bytes / 1024
const fmtKB = (bytes: number) => `${kb(bytes).toFixed(1)} KB`
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const sum = (rs: Resource[], key: 'wire' | 'body') => rs.reduce((n, r) => n + r[key], 0)

const app = await startApp()
const results: Run[] = []
try {
  console.log(
    `Measuring ${app.base}/ ${runs}× — Slow 4G (150 ms RTT, 1.6 Mbps down), CPU ${CPU_SLOWDOWN}× slower, cold cache`,
  )
  for (let i = 0; i < runs; i++) {
    const run = await measure(app.base)
    results.push(run)
    console.log(`  run ${i + 1}: LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms`)
  }
} finally {
  await app.stop()
}

// Byte counts are the same each run (cold cache); timings take the median.
const first = results[0] as Run
const scripts = first.resources.filter((r) => r.type === 'Script')
const initial = scripts.filter((r) => !r.lazy)
const lazy = scripts.filter((r) => r.lazy)
const lcp = median(results.map((r) => r.lcp))
const tbt = median(results.map((r) => r.tbt))
const jsWire = sum(scripts, 'wire')
const total = sum(first.resources, 'wire')

console.log('\nJavaScript on / (largest first)')
for (const r of [...scripts].sort((a, b) => b.wire - a.wire)) {
  const name = new URL(r.url).pathname.replace(/^\/assets\//, '')
  console.log(
    `  ${name.padEnd(44)} ${fmtKB(r.wire).padStart(10)} wire ${fmtKB(r.body).padStart(10)} uncompressed${r.lazy ? '  (on demand)' : ''}`,
  )
}

const rows: [string, string, string, boolean | null][] = [
  ['JS, all (gzip on the wire)', fmtKB(jsWire), `≤ ${BUDGET.jsGzipKB} KB`, kb(jsWire) <= BUDGET.jsGzipKB],
  ['JS, all (uncompressed)', fmtKB(sum(scripts, 'body')), '', null],
  ['JS, in the HTML (wire)', `${fmtKB(sum(initial, 'wire'))} (${initial.length} files)`, '', null],
  ['JS, on demand: map (wire)', `${fmtKB(sum(lazy, 'wire'))} (${lazy.length} files)`, '', null],
  [
    'Total transfer',
    `${fmtKB(total)} (${first.resources.length} requests)`,
    `≤ ${BUDGET.transferKB} KB`,
    kb(total) <= BUDGET.transferKB,
  ],
  ['First Contentful Paint', `${median(results.map((r) => r.fcp)).toFixed(0)} ms`, '', null],
  ['Largest Contentful Paint', `${lcp.toFixed(0)} ms`, `≤ ${BUDGET.lcpMs} ms`, lcp <= BUDGET.lcpMs],
  [
    'Long tasks (count, total)',
    `${median(results.map((r) => r.longTasks))}, ${median(results.map((r) => r.longTaskMs)).toFixed(0)} ms`,
    '',
    null,
  ],
  ['Blocking time (TBT-like)', `${tbt.toFixed(0)} ms`, `≤ ${BUDGET.tbtMs} ms`, tbt <= BUDGET.tbtMs],
]
console.log(`\nBudget for / (median of ${runs} run${runs > 1 ? 's' : ''})`)
console.log(`  ${'Metric'.padEnd(28)} ${'Measured'.padEnd(26)} ${'Budget'.padEnd(12)} Result`)
for (const [metric, measured, budget, ok] of rows) {
  const verdict = ok === null ? '' : ok ? 'pass' : 'FAIL'
  console.log(`  ${metric.padEnd(28)} ${measured.padEnd(26)} ${budget.padEnd(12)} ${verdict}`)
}
const failed = rows.some(([, , , ok]) => ok === false)
console.log(failed ? '\nOver budget.' : '\nWithin budget.')
if (failed && values.strict) process.exitCode = 1
