/**
 * Scripts PostgreSQL's text search does not segment into words (Chinese, Japanese, Korean, Thai):
 * they are searched by character bigrams. Keep in step with search_grams() in db/migrations/0006_search.ts.
 */
export const unsegmentedRun =
  /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g

const MAX_WORDS = 12
const MAX_RUNS = 6

export function bigrams(run: string): string[] {
  const chars = [...run]
  if (chars.length === 1) return chars
  const out = new Set<string>()
  for (let i = 0; i < chars.length - 1; i++) out.add(`${chars[i]}${chars[i + 1]}`)
  return [...out]
}

/** Splits a query into words (letters and digits of segmented scripts) and the bigram sets of CJK/Thai runs. */
export function splitQuery(q: string): { words: string[]; gramSets: string[][] } {
  const runs = (q.match(unsegmentedRun) ?? []).slice(0, MAX_RUNS)
  const rest = q.replace(unsegmentedRun, ' ')
  const words = (rest.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? []).slice(0, MAX_WORDS)
  return { words, gramSets: runs.map(bigrams) }
}
