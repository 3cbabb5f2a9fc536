import { z } from 'zod'
import { wholeNumber } from './whole-number'

/** Codes, not sentences: routes turn them into messages in the user's language. */
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' })
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null))

const instant = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const date = new Date(v)
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'invalid_date' })
      return z.NEVER
    }
    return date
  })

const day = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())) {
      ctx.addIssue({ code: 'custom', message: 'invalid_date' })
      return z.NEVER
    }
    return v
  })

/** A forum edition as the chair edits it. Instants are absolute (the form converts from the user's zone). */
export const forumSchema = z
  .object({
    titleRu: text(200).min(1, { message: 'required' }),
    titleEn: text(200).min(1, { message: 'required' }),
    year: wholeNumber('invalid_number', { min: 2000, max: 2100, message: 'out_of_range' }),
    placeRu: optionalText(200),
    placeEn: optionalText(200),
    startsOn: day,
    endsOn: day,
    opensAt: instant,
    closesAt: instant,
    status: z.enum(['planned', 'open', 'closed', 'held'], { message: 'invalid_choice' }),
    defaultQuota: wholeNumber('invalid_number', { min: 0, max: 1000, message: 'out_of_range' }),
  })
  .superRefine((f, ctx) => {
    if (f.startsOn && f.endsOn && f.endsOn < f.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'before_start' })
    }
    if (f.opensAt && f.closesAt && f.closesAt <= f.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'before_start' })
    }
  })

export type ForumInput = z.output<typeof forumSchema>

export const quotaSchema = z.object({
  countryCode: z.string().regex(/^[A-Z]{2}$/, { message: 'invalid_choice' }),
  quota: wholeNumber('invalid_number', { min: 0, max: 1000, message: 'out_of_range' }),
})
