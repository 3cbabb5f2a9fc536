import type { Figure } from './bench-report'

export type Machine = { cpu: string; memory: string; node: string; date: string; listings: number }

const START = '<!-- bench:start -->'
const END = '<!-- bench:end -->'

/** "<= 5" against 4.1 → true; no target → null. */
export function meetsTarget(figure: Figure): boolean | null {
  const match = figure.target?.match(/^(<=|>=)\s*([\d.]+)/)
  if (!match) return null
  const limit = Number(match[2])
  return match[1] === '<=' ? figure.value <= limit : figure.value >= limit
}

function formatValue(value: number) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1)
}

const HEADER = ['| benchmark | figure | value | target | met |', '| --- | --- | --- | --- | --- |']

function figureRow(f: Figure) {
  const met = meetsTarget(f)
  return `| ${f.bench} | ${f.metric} | ${formatValue(f.value)} ${f.unit} | ${f.target ? `${f.target} ${f.unit}` : ''} | ${met === null ? '' : met ? 'yes' : '**no**'} |`
}

export function figuresTable(figures: Figure[]) {
  return [...HEADER, ...figures.map(figureRow)].join('\n')
}

/** The benchmark a table row belongs to (its first cell). */
function benchOf(row: string) {
  return row.split('|')[1]?.trim() ?? ''
}

/**
 * The rows of the benchmarks that ran replace that benchmark's rows in the existing table, in place;
 * the rows of the others stay as they were (`--only export --write` must not drop the SSR figures).
 */
export function mergedTable(existingBlock: string, figures: Figure[]) {
  const fresh = new Map<string, string[]>()
  for (const f of figures) fresh.set(f.bench, [...(fresh.get(f.bench) ?? []), figureRow(f)])
  const oldRows = existingBlock
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(benchmark|-+)\s*\|/.test(line))
  const rows: string[] = []
  const emitted = new Set<string>()
  for (const row of oldRows) {
    const bench = benchOf(row)
    if (!fresh.has(bench)) rows.push(row)
    else if (!emitted.has(bench)) {
      rows.push(...(fresh.get(bench) ?? []))
      emitted.add(bench)
    }
  }
  for (const [bench, list] of fresh) if (!emitted.has(bench)) rows.push(...list)
  return [...HEADER, ...rows].join('\n')
}

/**
 * The generated block sits between two markers, so the analysis written by hand around it
 * survives every `npm run bench -- --write`.
 */
export function renderPerformanceDoc(figures: Figure[], machine: Machine) {
  const table = figuresTable(figures)
  const blockWith = (rows: string) =>
    [
      START,
      `Taken ${machine.date} with \`npm run bench\` at ${machine.listings.toLocaleString('en')} listings on ${machine.cpu}, ${machine.memory} RAM, Node ${machine.node}.`,
      '',
      rows,
      END,
    ].join('\n')
  const block = blockWith(table)
  return {
    table,
    render(existing: string | null) {
      if (existing?.includes(START) && existing.includes(END)) {
        const start = existing.indexOf(START)
        const end = existing.indexOf(END) + END.length
        return (
          existing.slice(0, start) +
          blockWith(mergedTable(existing.slice(start, end), figures)) +
          existing.slice(end)
        )
      }
      return `# Performance\n\nThe latest figures from \`npm run bench\`; the reading of them follows the table.\n\n${block}\n`
    },
  }
}
