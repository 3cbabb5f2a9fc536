import type { DuplicateCandidate } from './candidates.server'

/** A candidate as a page shows it: every name it has, its city, how far it is. */
export type DuplicateView = { id: number; names: string; city: string | null; metres: number | null }

export function duplicateView(c: DuplicateCandidate): DuplicateView {
  const names = [c.name_ru, c.name_en, c.name_local].filter((n): n is string => !!n?.trim())
  return { id: c.id, names: [...new Set(names)].join(' · '), city: c.city, metres: c.metres }
}
