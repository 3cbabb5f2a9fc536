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

export function figuresTable(figures: Figure[]) {
  const lines = ['| benchmark | figure | value | target | met |', '| --- | --- | --- | --- | --- |']
  for (const f of figures) {
    const met = meetsTarget(f)
    lines.push(
      `| ${f.bench} | ${f.metric} | ${formatValue(f.value)} ${f.unit} | ${f.target ? `${f.target} ${f.unit}` : ''} | ${met === null ? '' : met ? 'yes' : '**no**'} |`,
    )
  }
  return lines.join('\n')
}

/**
 * The generated block sits between two markers, so the analysis written by hand around it
 * survives every `npm run bench -- --write`.
 */
export function renderPerformanceDoc(figures: Figure[], machine: Machine) {
  const table = figuresTable(figures)
  const block = [
    START,
    `Taken ${machine.date} with \`npm run bench\` at ${machine.listings.toLocaleString('en')} listings on ${machine.cpu}, ${machine.memory} RAM, Node ${machine.node}.`,
    '',
    table,
    END,
  ].join('\n')
  return {
    table,
    render(existing: string | null) {
      if (existing?.includes(START) && existing.includes(END)) {
        return (
          existing.slice(0, existing.indexOf(START)) +
          block +
          existing.slice(existing.indexOf(END) + END.length)
        )
      }
      return `# Performance\n\nThe latest figures from \`npm run bench\`; the reading of them follows the table.\n\n${block}\n`
    },
  }
}
