import { type Kysely, sql } from 'kysely'
import type { Database, DigestFrequency, Locale } from '#db/schema'
import { appUrl } from '~/modules/accounts/auth.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { deliverQueued, queueMail } from '~/modules/mail/mailer.server'
import { listingName } from '~/modules/moderation/names'
import { matchingIds } from '~/modules/search/pg-engine.server'
import { composeDigest } from './digest-mail'
import { canonicalQuery, savedSearchPath } from './saved-searches.server'
import { nextDigestAfter } from './schedule'
import { signUnsubscribeToken } from './unsubscribe-token.server'

export const DIGEST_KIND = 'search_digest'
/** Saved searches handled per run; the job runs again minutes later for the rest. */
const BATCH = 5000
/** Searches claimed (and their digests queued) per transaction: one commit per chunk, not per search. */
const CLAIM_CHUNK = 100

type Due = {
  id: number
  name: string
  query: string
  frequency: Exclude<DigestFrequency, 'none'>
  last_digest_at: Date
  next_digest_at: Date
  email: string
  locale: Locale
  active: boolean
}

export type DigestRun = { checked: number; queued: number; skipped: number }

/**
 * One run of the saved-search digest job (decision 0016). For each saved search whose digest is due:
 * the listings published after its last digest (up to `now`) that its search matches, one mail when
 * there are any, and the schedule moved on — the mail and the schedule in one transaction (per chunk),
 * claimed by a conditional update, so a crash, a restart or a second replica can never send a digest
 * twice. Matching happens before the transaction: PGlite has one connection, which a transaction holds.
 */
export async function runSearchDigests(db: Kysely<Database>, now = new Date()): Promise<DigestRun> {
  const due = (await db
    .selectFrom('saved_searches')
    .innerJoin('users', 'users.id', 'saved_searches.user_id')
    .select([
      'saved_searches.id',
      'saved_searches.name',
      'saved_searches.query',
      'saved_searches.frequency',
      'saved_searches.last_digest_at',
      'saved_searches.next_digest_at',
      'users.email',
      'users.locale',
    ])
    .select(sql<boolean>`users.blocked_at is null and users.deleted_at is null`.as('active'))
    .where('saved_searches.next_digest_at', '<=', now)
    .orderBy('saved_searches.next_digest_at')
    .limit(BATCH)
    .execute()) as Due[]
  const run: DigestRun = { checked: 0, queued: 0, skipped: 0 }
  if (due.length === 0) return run

  const oldest = new Date(Math.min(...due.map((d) => new Date(d.last_digest_at).getTime())))
  // Everything published since the oldest cut-off: usually a handful, so most searches need no matching.
  // A listing counts from its first publication (history keeps each version's published_at): one
  // re-published after an edit or restored from the archive is not news.
  const fresh = await db
    .selectFrom('businesses as b')
    .select(['b.id', 'b.name_ru', 'b.name_en', 'b.name_local', 'b.published_at'])
    .select(
      sql<Date | null>`(select min((h."after"->>'published_at')::timestamptz) from history h
        where h.entity_type = 'business' and h.entity_id = b.id::text
          and h."after"->>'status' = 'published')`.as('first_published_at'),
    )
    .where('b.status', '=', 'published')
    .where('b.published_at', '>', oldest)
    .where('b.published_at', '<=', now)
    .execute()
  const freshById = new Map(
    fresh.map((b) => [
      b.id,
      { ...b, at: new Date(b.first_published_at ?? (b.published_at as Date)).getTime() },
    ]),
  )

  // Matching first, outside any transaction (PGlite has one connection, which a transaction holds).
  // Searches saved with the same query share one match.
  const matches = new Map<string, readonly number[]>()
  const planned: { search: Due; found: number[]; next: Date }[] = []
  for (const search of due) {
    const since = new Date(search.last_digest_at).getTime()
    let found: number[] = []
    const window = [...freshById.values()].some((b) => b.at > since)
    const parsed = search.active && window ? canonicalQuery(search.query) : null
    if (parsed) {
      let ids = matches.get(parsed.query)
      if (!ids) {
        ids = await matchingIds(db, {
          q: parsed.params.q,
          filters: parsed.params.filters,
          bbox: parsed.params.bbox,
          audience: 'public',
        })
        matches.set(parsed.query, ids)
      }
      // matchingIds is newest first, so the digest lists the newest first too.
      found = ids.filter((id) => (freshById.get(id)?.at ?? 0) > since)
    }
    planned.push({
      search,
      found,
      next: nextDigestAfter(search.frequency, new Date(search.next_digest_at), now),
    })
  }

  for (let start = 0; start < planned.length; start += CLAIM_CHUNK) {
    const chunk = planned.slice(start, start + CLAIM_CHUNK)
    const claimed = await db.transaction().execute(async (trx) => {
      // The claim: only searches still due move on. A second runner waits for these rows' locks and
      // then finds them no longer due (PostgreSQL re-checks the condition on the updated rows).
      const values = sql.join(
        chunk.map((p) => sql`(${p.search.id}::int, ${p.next}::timestamptz, ${p.search.frequency}::text)`),
      )
      const { rows } = await sql<{ id: number }>`
        update saved_searches s set last_digest_at = ${now}, next_digest_at = v.next
        from (values ${values}) as v(id, next, frequency)
        where s.id = v.id and s.next_digest_at <= ${now} and s.frequency = v.frequency
        returning s.id`.execute(trx)
      const ids = new Set(rows.map((r) => r.id))
      const mine = chunk.filter((p) => ids.has(p.search.id))
      await queueMail(
        trx,
        mine.filter((p) => p.found.length > 0).map((p) => digestMail(p.search, p.found, freshById, now)),
      )
      return mine
    })
    run.skipped += chunk.length - claimed.length
    run.checked += claimed.length
    run.queued += claimed.filter((p) => p.found.length > 0).length
  }
  return run
}

function digestMail(
  search: Due,
  found: number[],
  freshById: Map<
    number,
    { id: number; name_ru: string | null; name_en: string | null; name_local: string | null }
  >,
  now: Date,
) {
  const t = makeTranslator(search.locale)
  const base = appUrl()
  const unsubscribeUrl = `${base}/unsubscribe?token=${signUnsubscribeToken(search.id, now)}`
  const listings = found.map((id) => {
    const b = freshById.get(id) as {
      id: number
      name_ru: string | null
      name_en: string | null
      name_local: string | null
    }
    return { name: listingName(b, search.locale), url: `${base}/businesses/${id}` }
  })
  const content = composeDigest(t, {
    searchName: search.name,
    total: found.length,
    listings,
    searchUrl: `${base}${savedSearchPath(search.query)}`,
    manageUrl: `${base}/my/searches`,
    unsubscribeUrl,
  })
  return {
    to: search.email,
    locale: search.locale,
    kind: DIGEST_KIND,
    ...content,
    // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to this URL.
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/** The scheduled job: queue what is due, then hand queued digests to SMTP (when configured). */
export async function runDigestJob(db: Kysely<Database>, now = new Date()) {
  const run = await runSearchDigests(db, now)
  const delivered = await deliverQueued(db, DIGEST_KIND)
  return { ...run, delivered }
}
