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

/** A table row's benchmark and figure (its first two cells): what a new figure replaces. */
function keyOf(row: string) {
  const cells = row.split('|')
  return `${cells[1]?.trim() ?? ''}|${cells[2]?.trim() ?? ''}`
}

/**
 * New figures replace the rows of the same benchmark and figure, in place; new figures of a benchmark
 * go after its last row; every other row stays (`--only export --write` must not drop the SSR figures,
 * nor one runner entry the figures another entry reports under the same benchmark).
 */
export function mergedTable(existingBlock: string, figures: Figure[]) {
  const fresh = new Map(figures.map((f) => [`${f.bench}|${f.metric}`, figureRow(f)]))
  const rows = existingBlock
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(benchmark|-+)\s*\|/.test(line))
    .map((row) => {
      const replacement = fresh.get(keyOf(row))
      fresh.delete(keyOf(row))
      return replacement ?? row
    })
  for (const [key, row] of fresh) {
    const bench = key.split('|')[0]
    let last = -1
    rows.forEach((r, i) => {
      if (keyOf(r).split('|')[0] === bench) last = i
    })
    if (last < 0) rows.push(row)
    else rows.splice(last + 1, 0, row)
  }
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
