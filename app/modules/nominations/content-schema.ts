import { z } from 'zod'
import { wholeNumber } from './whole-number'

export const JUSTIFICATION_MAX = 4000

/** Codes, not sentences: the route turns them into messages (formError.*) in the user's language. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'too_long' })
    .optional()
    .transform((v) => (v ? v : null))

export const nominationContentSchema = z.object({
  personName: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  personPosition: optional(200),
  personEmail: z
    .string()
    .trim()
    .max(254, { message: 'too_long' })
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, { message: 'invalid' }),
  // Stored as E.164 (the database checks it); people type spaces, dashes and brackets.
  personPhone: optional(40)
    .transform((v) => (v === null ? null : v.replace(/[\s()-]/g, '')))
    .refine((v) => v === null || /^\+[1-9]\d{6,14}$/.test(v), { message: 'phone' }),
  justificationRu: optional(JUSTIFICATION_MAX),
  justificationEn: optional(JUSTIFICATION_MAX),
  topics: optional(1000),
})

export const newNominationSchema = nominationContentSchema.extend({
  businessId: wholeNumber('required', { min: 1, max: 2_147_483_647, message: 'required' }),
})

const score = wholeNumber('out_of_range', { min: 1, max: 5, message: 'out_of_range' })

export const reviewSchema = z.object({
  conflicted: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  relevance: z.union([z.literal(''), score]).optional(),
  potential: z.union([z.literal(''), score]).optional(),
  readiness: z.union([z.literal(''), score]).optional(),
  comment: optional(2000),
})

/** FormData → a plain record of its first values (the schemas above read strings). */
export function formRecord(form: FormData) {
  const out: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string' && !(key in out)) out[key] = value
  return out
}

/** Zod issues → one message code per field. */
export function fieldErrors(error: z.ZodError) {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_')
    out[key] ??= issue.message
  }
  return out
}
