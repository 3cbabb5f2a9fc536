/**
 * Benchmarks print their own tables for people; under `npm run bench` (BENCH_REPORT=1) they also
 * print one machine-readable line per figure, which scripts/bench.ts gathers into a single table.
 */
export type Figure = {
  bench: string
  metric: string
  value: number
  unit: string
  /** The target, as text: "<= 5 s", ">= 300 req/s". */
  target?: string
}

export const FIGURE_PREFIX = '::bench '

export function reportFigure(figure: Figure) {
  if (process.env.BENCH_REPORT === '1') console.log(FIGURE_PREFIX + JSON.stringify(figure))
}

export function parseFigures(output: string): Figure[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(FIGURE_PREFIX))
    .map((line) => JSON.parse(line.slice(FIGURE_PREFIX.length)) as Figure)
}
