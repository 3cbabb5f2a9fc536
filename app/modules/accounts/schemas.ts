import { z } from 'zod'
import type { Translator } from '~/modules/i18n/translate'

export const MIN_PASSWORD = 10
export const MAX_PASSWORD = 128

/** Same rule as the database's check on users.email, plus the usual length limit. */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

export function emailField(t: Translator) {
  return z
    .string({ error: t('validation.required') })
    .trim()
    .min(1, t('validation.required'))
    .max(254, t('validation.tooLong', { max: 254 }))
    .regex(EMAIL_PATTERN, t('validation.email'))
}

export function newPasswordField(t: Translator) {
  return z
    .string({ error: t('validation.required') })
    .min(MIN_PASSWORD, t('validation.passwordShort', { min: MIN_PASSWORD }))
    .max(MAX_PASSWORD, t('validation.passwordLong', { max: MAX_PASSWORD }))
}

function anyPassword(t: Translator) {
  return z
    .string({ error: t('validation.required') })
    .min(1, t('validation.required'))
    .max(MAX_PASSWORD * 4)
}

export const signUpSchema = (t: Translator) =>
  z.object({
    name: z
      .string({ error: t('validation.required') })
      .trim()
      .min(1, t('validation.required'))
      .max(200, t('validation.tooLong', { max: 200 })),
    email: emailField(t),
    password: newPasswordField(t),
    locale: z.enum(['ru', 'en']).catch(t.locale),
  })

export const signInSchema = (t: Translator) => z.object({ email: emailField(t), password: anyPassword(t) })

export const forgotSchema = (t: Translator) => z.object({ email: emailField(t) })

export const resetSchema = (t: Translator) => z.object({ password: newPasswordField(t) })

export const changePasswordSchema = (t: Translator) =>
  z.object({ currentPassword: anyPassword(t), newPassword: newPasswordField(t) })

export const deleteAccountSchema = (t: Translator) => z.object({ password: anyPassword(t) })

export type FieldErrors = Record<string, string>

/** Parses a submitted form; on failure returns the first message per field. Passwords are never echoed back. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData) {
  const raw: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string') raw[key] = value
  const result = schema.safeParse(raw)
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)))
  if (result.success) return { ok: true as const, data: result.data as z.infer<S>, values }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form')
    errors[key] ??= issue.message
  }
  return { ok: false as const, errors, values }
}

/** Creating an API token: a name and one of the offered expiries ('' = never). */
export const createTokenSchema = (t: Translator) =>
  z.object({
    name: z
      .string({ error: t('validation.required') })
      .trim()
      .min(1, t('validation.required'))
      .max(100, t('validation.tooLong', { max: 100 })),
    expiresInDays: z.enum(['', '30', '90', '365'], { error: t('apiToken.error.expiry') }).default(''),
  })

/** A token id as posted by a revoke button. */
export const revokeTokenSchema = (t: Translator) =>
  z.object({
    tokenId: z
      .string({ error: t('apiToken.error.notFound') })
      .regex(/^\d{1,9}$/, t('apiToken.error.notFound')),
  })
