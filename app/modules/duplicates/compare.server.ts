import type { Kysely } from 'kysely'
import type { BusinessStatus, Database, Locale } from '#db/schema'
import { type CurrentUser, canModerateBusiness } from '~/modules/accounts/guard.server'
import { DIFF_FIELDS, diffSnapshots, type FieldChange, STATE_FIELDS } from '~/modules/moderation/diff'
import { codeLabels, currentSnapshot, listingName } from '~/modules/moderation/moderation.server'
import { MergeError } from './merge.server'

export type Comparison = {
  a: { id: number; name: string; status: BusinessStatus; version: number }
  b: { id: number; name: string; status: BusinessStatus; version: number }
  countryCode: string
  /** before = listing a, after = listing b, for every field either has. */
  rows: FieldChange[]
}

/**
 * Two listings side by side for a moderator deciding whether they are one business. Unknown,
 * merged-away or foreign listings are all "not found", so crafted ids learn nothing.
 */
export async function loadComparison(
  db: Kysely<Database>,
  user: CurrentUser,
  aId: number,
  bId: number,
  locale: Locale,
): Promise<Comparison> {
  if (aId === bId) throw new MergeError('same')
  const rows = await db.selectFrom('businesses').selectAll().where('id', 'in', [aId, bId]).execute()
  const a = rows.find((r) => r.id === aId)
  const b = rows.find((r) => r.id === bId)
  if (!a || !b || !canModerateBusiness(user, a) || !canModerateBusiness(user, b))
    throw new MergeError('notFound')
  const [snapA, snapB, labels] = await Promise.all([
    currentSnapshot(db, a),
    currentSnapshot(db, b),
    codeLabels(db, locale),
  ])
  const head = (r: typeof a) => ({
    id: r.id,
    name: listingName(r, locale),
    status: r.status,
    version: r.version,
  })
  return {
    a: head(a),
    b: head(b),
    countryCode: a.country_code.trim(),
    rows: diffSnapshots(snapA, snapB, [...DIFF_FIELDS, ...STATE_FIELDS], labels).filter(
      (c) => c.before !== '' || c.after !== '',
    ),
  }
}
