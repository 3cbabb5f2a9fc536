import { describe, expect, it } from 'vitest'
import { instantToZonedLocal, zonedLocalToInstant } from '~/modules/nominations/zoned-time'

describe('zoned wall-clock times', () => {
  it('converts a Tokyo wall time to the instant (UTC+9, no DST)', () => {
    expect(zonedLocalToInstant('2027-03-01T09:00', 'Asia/Tokyo')?.toISOString()).toBe(
      '2027-03-01T00:00:00.000Z',
    )
  })
  it('handles zones ahead and behind UTC and across DST', () => {
    expect(zonedLocalToInstant('2027-01-15T12:00', 'Australia/Sydney')?.toISOString()).toBe(
      '2027-01-15T01:00:00.000Z',
    )
    expect(zonedLocalToInstant('2027-07-15T12:00', 'Australia/Sydney')?.toISOString()).toBe(
      '2027-07-15T02:00:00.000Z',
    )
    expect(zonedLocalToInstant('2027-07-01T00:30', 'America/New_York')?.toISOString()).toBe(
      '2027-07-01T04:30:00.000Z',
    )
    // A wall time in the spring-forward gap moves forward rather than failing.
    expect(zonedLocalToInstant('2027-03-14T02:30', 'America/New_York')).not.toBeNull()
  })
  it('round-trips through the datetime-local text', () => {
    for (const zone of ['UTC', 'Europe/Moscow', 'Asia/Tokyo', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const instant = zonedLocalToInstant('2027-11-05T18:45', zone) as Date
      expect(instantToZonedLocal(instant, zone)).toBe('2027-11-05T18:45')
    }
  })
  it('refuses malformed times and unknown zones', () => {
    expect(zonedLocalToInstant('2027-02-30T10:00', 'UTC')).toBeNull()
    expect(zonedLocalToInstant('yesterday', 'UTC')).toBeNull()
    expect(zonedLocalToInstant('2027-02-10T10:00', 'Mars/Olympus')).toBeNull()
  })
})
