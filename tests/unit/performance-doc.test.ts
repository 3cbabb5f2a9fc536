import { describe, expect, it } from 'vitest'
import { parseFigures } from '../../scripts/lib/bench-report'
import { meetsTarget, renderPerformanceDoc } from '../../scripts/lib/performance-doc'

const machine = {
  cpu: 'Test CPU, 2 cores',
  memory: '24 GiB',
  node: 'v20',
  date: '2026-11-29',
  listings: 100_000,
}

describe('benchmark figures', () => {
  it('reads only the figure lines from a benchmark output', () => {
    const output =
      'Seeding…\n::bench {"bench":"export","metric":"CSV time","value":4.2,"unit":"s","target":"<= 5"}\ndone\n'
    expect(parseFigures(output)).toEqual([
      { bench: 'export', metric: 'CSV time', value: 4.2, unit: 's', target: '<= 5' },
    ])
  })

  it('judges a figure against its target in either direction', () => {
    expect(meetsTarget({ bench: 'b', metric: 'm', value: 4.2, unit: 's', target: '<= 5' })).toBe(true)
    expect(meetsTarget({ bench: 'b', metric: 'm', value: 250, unit: 'req/s', target: '>= 300' })).toBe(false)
    expect(meetsTarget({ bench: 'b', metric: 'm', value: 1, unit: 's' })).toBeNull()
  })

  it('replaces only the generated block and keeps the analysis written around it', () => {
    const first = renderPerformanceDoc(
      [{ bench: 'ssr', metric: 'SSR / req/s', value: 320, unit: 'req/s', target: '>= 300' }],
      machine,
    ).render(null)
    const edited = `${first}\n## Reading\nWritten by hand.\n`
    const second = renderPerformanceDoc(
      [{ bench: 'ssr', metric: 'SSR / req/s', value: 280, unit: 'req/s', target: '>= 300' }],
      machine,
    ).render(edited)
    expect(second).toContain('Written by hand.')
    expect(second).toContain('| ssr | SSR / req/s | 280 req/s | >= 300 req/s | **no** |')
    expect(second).not.toContain('320 req/s')
  })

  it('keeps the rows of benchmarks that did not run (a run with --only)', () => {
    const all = renderPerformanceDoc(
      [
        { bench: 'export', metric: 'CSV time', value: 7.4, unit: 's', target: '<= 5' },
        { bench: 'ssr', metric: 'SSR / req/s', value: 350, unit: 'req/s', target: '>= 300' },
      ],
      machine,
    ).render(null)
    const onlyExport = renderPerformanceDoc(
      [
        { bench: 'export', metric: 'CSV time', value: 3.8, unit: 's', target: '<= 5' },
        { bench: 'export', metric: 'CSV RSS growth', value: 44, unit: 'MB', target: '<= 200' },
      ],
      machine,
    ).render(all)
    const rows = onlyExport.split('\n').filter((line) => /^\| (export|ssr) /.test(line))
    expect(rows).toEqual([
      '| export | CSV time | 3.8 s | <= 5 s | yes |',
      '| export | CSV RSS growth | 44.0 MB | <= 200 MB | yes |',
      '| ssr | SSR / req/s | 350 req/s | >= 300 req/s | yes |',
    ])
  })

  it('keeps figures another runner entry reports under the same benchmark', () => {
    const both = renderPerformanceDoc(
      [
        { bench: 'ssr', metric: 'SSR / req/s', value: 350, unit: 'req/s' },
        { bench: 'ssr', metric: 'SSR / (no page cache) req/s', value: 25, unit: 'req/s' },
      ],
      machine,
    ).render(null)
    const cachedOnly = renderPerformanceDoc(
      [{ bench: 'ssr', metric: 'SSR / req/s', value: 568, unit: 'req/s' }],
      machine,
    ).render(both)
    expect(cachedOnly.split('\n').filter((line) => line.startsWith('| ssr '))).toEqual([
      '| ssr | SSR / req/s | 568 req/s |  |  |',
      '| ssr | SSR / (no page cache) req/s | 25.0 req/s |  |  |',
    ])
  })
})
