import type { DigestFrequency } from '#db/schema'

const DAY_MS = 24 * 60 * 60 * 1000
export const digestPeriodMs: Record<Exclude<DigestFrequency, 'none'>, number> = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
}

/**
 * The digest after one due at `due`: one period later, keeping the rhythm (the job runs every few
 * minutes, so "now + period" would drift later every day). After a long outage the missed slots are
 * skipped rather than sent one after another: the next digest covers all that was missed.
 */
export function nextDigestAfter(frequency: Exclude<DigestFrequency, 'none'>, due: Date, now: Date): Date {
  const period = digestPeriodMs[frequency]
  let next = due.getTime() + period
  if (next <= now.getTime()) next += Math.ceil((now.getTime() - next + 1) / period) * period
  return new Date(next)
}
