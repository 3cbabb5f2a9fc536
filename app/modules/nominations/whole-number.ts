import { z } from 'zod'

/**
 * A whole number as a person types it: decimal digits only (and a minus, so that -1 is "out of range"). z.coerce.number would also take "0x10"
 * (16), "1e3", "Infinity" and a blank field (0) — a chair's typo in a quota should not become a number.
 */
export function wholeNumber(message: string, range: { min: number; max: number; message: string }) {
  return z.preprocess(
    (v) =>
      typeof v === 'number'
        ? v
        : typeof v === 'string' && /^\s*-?\d{1,9}\s*$/.test(v)
          ? Number(v)
          : Number.NaN,
    z
      .number({ message })
      .int({ message })
      .min(range.min, { message: range.message })
      .max(range.max, { message: range.message }),
  )
}
