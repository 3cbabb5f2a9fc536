/**
 * Wall-clock times in a named time zone ⇄ instants, with nothing but Intl. The chair types
 * "2027-03-01T09:00" and picks "Asia/Tokyo"; we store the instant. DST gaps resolve forward,
 * overlaps to the earlier instant — what a person setting a deadline expects.
 */

export function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** `YYYY-MM-DDTHH:mm` in `timeZone` → the instant, or null when the text is not such a time. */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim())
  if (!m || !isTimeZone(timeZone)) return null
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  const check = new Date(wall)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null
  // Two passes settle the offset on either side of a DST change.
  let guess = wall - offsetAt(wall, timeZone)
  guess = wall - offsetAt(guess, timeZone)
  return new Date(guess)
}

/** The instant as `YYYY-MM-DDTHH:mm` in `timeZone`, for a datetime-local input. */
export function instantToZonedLocal(instant: Date, timeZone: string) {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone))
  return shifted.toISOString().slice(0, 16)
}

/** Zones offered in the chair's form: the region's, Moscow and UTC; the browser's own is added on the client. */
export const commonTimeZones = [
  'UTC',
  'Europe/Moscow',
  'Asia/Vladivostok',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Ho_Chi_Minh',
  'Asia/Jakarta',
  'Asia/Manila',
  'Australia/Perth',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const
