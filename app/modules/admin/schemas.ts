import { z } from 'zod'

const text = (max: number) => z.string().trim().min(1).max(max)
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(schema.nullable())

export const councilSchema = z.object({
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  nameRu: text(200),
  nameEn: text(200),
  email: optional(
    z
      .string()
      .regex(/^[^@\s]+@[^@\s]+$/)
      .max(254),
  ),
  phone: optional(z.string().max(40)),
  website: optional(
    z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .max(300),
  ),
})

export const countrySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/),
  nameRu: z.string().trim().max(100).optional(),
  nameEn: z.string().trim().max(100).optional(),
})

export const sectorSchema = z.object({
  code: z.string().regex(/^[A-Z]$/),
  nameRu: text(300),
  nameEn: text(300),
  shortRu: text(60),
  shortEn: text(60),
})

/** A form as a plain object of its string fields (files and repeats ignored). */
export function formObject(form: FormData) {
  const out: Record<string, string> = {}
  for (const [k, v] of form) if (typeof v === 'string' && !(k in out)) out[k] = v
  return out
}
