import type { NameKey } from './name-match'

/**
 * Finds, among many listings, the few whose names could match a given one, without comparing it
 * with all of them (a council import checks thousands of rows against thousands of listings).
 *
 * Exact, not a heuristic: `nameSimilarity` accepts a pair only when the Levenshtein ratio of their
 * full keys is ≥ 0.85, of their skeletons ≥ 0.8 (skeletons of 3+ letters), or of their local keys
 * ≥ 0.8, and never when both names carry digits and the digits differ. Two strings with ratio r, the longer of length n ≥ 2, share at least n(2r − 1) − 1 bigrams
 * (each edit breaks at most two), counted with multiplicity; strings shorter than 2 match only
 * themselves. So a listing that shares fewer bigrams than that with every name of the query cannot
 * match it, and is never returned; the caller scores the rest with `listingSimilarity`.
 */

type Channel = 'f' | 's' | 'l'

const MIN_RATIO: Record<Channel, number> = { f: 0.85, s: 0.8, l: 0.8 }

function channelsOf(key: NameKey): [Channel, string][] {
  if (key.kind === 'latin')
    return key.skeleton.length >= 3
      ? [
          ['f', key.full],
          ['s', key.skeleton],
        ]
      : [['f', key.full]]
  if (key.kind === 'local') return [['l', key.local]]
  return []
}

/** Bigrams with their counts; a string shorter than two characters is its own single token. */
function profile(channel: Channel, text: string): Map<string, number> {
  const grams = new Map<string, number>()
  if (text.length < 2) {
    grams.set(`${channel}=${text}`, 1)
    return grams
  }
  for (let i = 0; i < text.length - 1; i++) {
    const gram = `${channel}${text.slice(i, i + 2)}`
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

/**
 * Names whose digits differ never match (`nameSimilarity`), so grams are also kept per digits:
 * a name with digits d is posted under "d|" and "*|", one without under "|". A query with digits d
 * reads "d|" and "|", one without reads "*|" and "|". Names told apart only by a number (branches,
 * numbered shops) then never meet in the counting.
 */
const postedUnder = (digits: string) => (digits ? [`${digits}|`, '*|'] : ['|'])
const readFrom = (digits: string) => (digits ? [`${digits}|`, '|'] : ['*|', '|'])
const digitsOfKey = (key: NameKey) => (key.kind === 'none' ? '' : key.digits)

export class NameIndex<T> {
  private readonly items: T[] = []
  // Postings as flat arrays (item, count, item, count…): tens of thousands are read per query.
  private readonly postings = new Map<string, number[]>()
  // Scratch counters reused across queries: one slot per item, cleared through `touched`.
  private shared = new Int32Array(0)

  add(item: T, keys: NameKey[]) {
    const index = this.items.push(item) - 1
    // One posting per item and gram: the counts of an item's several names add up, which only lets
    // more through (the filter stays exact).
    const merged = new Map<string, number>()
    for (const key of keys)
      for (const [channel, text] of channelsOf(key))
        for (const [gram, count] of profile(channel, text))
          for (const prefix of postedUnder(digitsOfKey(key))) {
            const token = prefix + gram
            merged.set(token, (merged.get(token) ?? 0) + count)
          }
    for (const [gram, count] of merged) {
      const list = this.postings.get(gram)
      if (list) list.push(index, count)
      else this.postings.set(gram, [index, count])
    }
  }

  /** Every indexed item that could score as a match against `keys` (and usually few others). */
  candidates(keys: NameKey[]): T[] {
    if (this.shared.length < this.items.length) this.shared = new Int32Array(this.items.length)
    const shared = this.shared
    const found = new Set<number>()
    const touched: number[] = []
    for (const key of keys) {
      for (const [channel, text] of channelsOf(key)) {
        // Shorter than two: only the same string matches (its single token). Else the bound above.
        const needed =
          text.length < 2 ? 1 : Math.max(1, Math.ceil(text.length * (2 * MIN_RATIO[channel] - 1) - 1 - 1e-9))
        for (const [gram, count] of profile(channel, text)) {
          for (const prefix of readFrom(digitsOfKey(key))) {
            const list = this.postings.get(prefix + gram)
            if (!list) continue
            for (let i = 0; i < list.length; i += 2) {
              const item = list[i] as number
              if (shared[item] === 0) touched.push(item)
              const total = (shared[item] as number) + Math.min(count, list[i + 1] as number)
              shared[item] = total
              if (total >= needed) found.add(item)
            }
          }
        }
        for (const item of touched) shared[item] = 0
        touched.length = 0
      }
    }
    return [...found].sort((a, b) => a - b).map((i) => this.items[i] as T)
  }
}
