import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { z } from 'zod'
import { cooperationKinds, messengers, sizeBands, workingLanguages } from '#db/reference/cooperation'
import type { Translator } from '~/modules/i18n/translate'
import { isTaxonomyCode, MAX_TRADE_CODES, normaliseTradeCodes } from './taxonomy'

/**
 * The listing editor's one schema, used by the browser (Conform, instant messages) and the server
 * (the authority). Errors are written in the viewer's language. `intent` decides how strict it is:
 * a draft needs only a name and a country; submitting needs everything the database demands of a
 * listing beyond draft (consent, city, point) plus at least one sector.
 */

export const LIMITS = {
  name: 200,
  description: 5000,
  keywords: 30,
  keyword: 60,
  city: 120,
  address: 300,
  website: 300,
  email: 254,
  messenger: 64,
} as const

export const MESSENGER_CODES = messengers.map((m) => m.code)
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const MARKUP = /[<>]/
// Control characters other than tab and line breaks never belong in a listing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Default language of the local-script name per country. */
export const localLanguageOf: Record<string, string> = {
  JP: 'ja',
  CN: 'zh',
  HK: 'zh',
  MO: 'zh',
  TW: 'zh',
  SG: 'en',
  KR: 'ko',
  KP: 'ko',
  TH: 'th',
  VN: 'vi',
  ID: 'id',
  MY: 'ms',
  BN: 'ms',
  IN: 'hi',
  MN: 'mn',
  KH: 'km',
  LA: 'lo',
  MM: 'my',
  PH: 'tl',
  NP: 'ne',
  BD: 'bn',
  LK: 'si',
  PK: 'ur',
}

export function parseCoordinate(value: string | undefined, limit: number): number | null | 'invalid' {
  if (value === undefined || value.trim() === '') return null
  const n = Number(value.trim().replace(',', '.'))
  if (!Number.isFinite(n) || Math.abs(n) > limit) return 'invalid'
  return Math.round(n * 1e6) / 1e6
}

export function splitKeywords(value: string | undefined) {
  if (!value) return []
  const seen = new Set<string>()
  for (const part of value.split(/[,;\n]/)) {
    const word = part.trim().replace(/\s+/g, ' ')
    if (word) seen.add(word)
  }
  return [...seen]
}

/** "example.com" is accepted as https://example.com. */
export function normaliseWebsite(value: string | undefined) {
  if (!value?.trim()) return null
  const v = value.trim()
  return /^https?:\/\//i.test(v) ? v : `https://${v}`
}

export function normalisePhone(value: string | undefined, country: string): string | null | 'invalid' {
  if (!value?.trim()) return null
  const phone = parsePhoneNumberFromString(value.trim(), country as CountryCode)
  return phone?.isValid() ? phone.number : 'invalid'
}

export function listingSchema(
  t: Translator,
  options: { codes?: { countries: string[]; sectors: string[]; regions: string[] } } = {},
) {
  const text = (max: number, plain = false) =>
    z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        if (v === undefined) return
        if (v.length > max)
          ctx.addIssue({ code: 'custom', message: t('listing.error.tooLong', { max, n: v.length }) })
        else if (plain && MARKUP.test(v)) ctx.addIssue({ code: 'custom', message: t('listing.error.markup') })
        else if (plain && CONTROL.test(v))
          ctx.addIssue({ code: 'custom', message: t('listing.error.markup') })
      })
  const oneOf = (values: readonly string[] | undefined) =>
    z.string().refine((v) => !values || values.includes(v), t('listing.error.unknownChoice'))
  const choices = (values: readonly string[] | undefined) => z.array(oneOf(values)).max(100).default([])
  const check = z.boolean().optional().default(false)
  // Offers and seeks: taxonomy codes (checkboxes, or "C;10" from an import cell). The first unknown
  // code is named in the message; the typed values stay in the form (Conform's reply keeps them).
  const tradeCodes = () =>
    z
      .array(z.string())
      .default([])
      .transform((values) => normaliseTradeCodes(values.flatMap((v) => v.split(/[;,]/))))
      .superRefine((codes, ctx) => {
        const unknown = codes.find((c) => !isTaxonomyCode(c))
        if (unknown !== undefined)
          ctx.addIssue({
            code: 'custom',
            message: t('listing.error.unknownTradeCode', { code: unknown.slice(0, 20) }),
          })
        else if (codes.length > MAX_TRADE_CODES)
          ctx.addIssue({
            code: 'custom',
            message: t('listing.error.tradeMax', { max: MAX_TRADE_CODES, n: codes.length }),
          })
      })

  return z
    .object({
      intent: z.enum(['save', 'submit']).catch('save'),
      version: z.coerce.number().int().min(1).optional(),
      nameRu: text(LIMITS.name, true),
      nameEn: text(LIMITS.name, true),
      nameLocal: text(LIMITS.name, true),
      localLang: oneOf(workingLanguages.map((l) => l.code)).optional(),
      descriptionRu: text(LIMITS.description),
      descriptionEn: text(LIMITS.description),
      sectors: choices(options.codes?.sectors).refine((v) => v.length <= 3, t('listing.error.sectorsMax')),
      keywords: z
        .string()
        .optional()
        .refine(
          (v) => {
            const words = splitKeywords(v)
            return (
              words.length <= LIMITS.keywords &&
              words.every((w) => w.length <= LIMITS.keyword) &&
              !MARKUP.test(v ?? '')
            )
          },
          t('listing.error.keywords', { max: LIMITS.keywords, len: LIMITS.keyword }),
        ),
      countryCode: z
        .string({ error: t('validation.required') })
        .refine(
          (v) => !options.codes || options.codes.countries.includes(v),
          t('listing.error.unknownChoice'),
        ),
      city: text(LIMITS.city, true),
      cityGeonameId: z.coerce.number().int().positive().optional().catch(undefined),
      lat: z.string().optional(),
      lon: z.string().optional(),
      address: text(LIMITS.address, true),
      publicAddress: check,
      foundedYear: z.string().optional(),
      sizeBand: oneOf(sizeBands.map((s) => s.code)).optional(),
      languages: choices(workingLanguages.map((l) => l.code)),
      website: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      publicEmail: check,
      publicPhone: check,
      messengers: z
        .object(Object.fromEntries(MESSENGER_CODES.map((code) => [code, z.string().optional()])))
        .partial()
        .optional()
        .default({}),
      publicMessengers: check,
      cooperationKinds: choices(cooperationKinds.map((k) => k.code)),
      offers: tradeCodes(),
      seeks: tradeCodes(),
      regions: choices(options.codes?.regions),
      consent: check,
    })
    .superRefine((v, ctx) => {
      const issue = (path: string | (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path: Array.isArray(path) ? path : [path], message })
      const submit = v.intent === 'submit'
      if (!v.nameRu?.trim() && !v.nameEn?.trim() && !v.nameLocal?.trim())
        issue('nameRu', t('listing.error.nameRequired'))

      const lat = parseCoordinate(v.lat, 90)
      const lon = parseCoordinate(v.lon, 180)
      if (lat === 'invalid') issue('lat', t('listing.error.lat'))
      if (lon === 'invalid') issue('lon', t('listing.error.lon'))
      if (lat !== 'invalid' && lon !== 'invalid' && (lat === null) !== (lon === null)) {
        issue(lat === null ? 'lat' : 'lon', t('listing.error.pointIncomplete'))
      }

      const maxYear = new Date().getUTCFullYear()
      if (v.foundedYear?.trim()) {
        const year = Number(v.foundedYear.trim())
        if (!Number.isInteger(year) || year < 1800 || year > maxYear)
          issue('foundedYear', t('listing.error.year', { max: maxYear }))
      }
      if (v.website?.trim()) {
        const site = normaliseWebsite(v.website) ?? ''
        let ok = site.length <= LIMITS.website && /^https?:\/\/[^\s]+$/.test(site)
        try {
          if (ok) ok = ['http:', 'https:'].includes(new URL(site).protocol)
        } catch {
          ok = false
        }
        if (!ok) issue('website', t('listing.error.website'))
      }
      if (v.email?.trim() && (!EMAIL.test(v.email.trim()) || v.email.trim().length > LIMITS.email)) {
        issue('email', t('listing.error.email'))
      }
      if (v.phone?.trim() && normalisePhone(v.phone, v.countryCode) === 'invalid')
        issue('phone', t('listing.error.phone'))
      for (const [code, handle] of Object.entries(v.messengers ?? {})) {
        if (
          handle?.trim() &&
          (/\s/.test(handle.trim()) || handle.trim().length > LIMITS.messenger || MARKUP.test(handle))
        ) {
          issue(['messengers', code], t('listing.error.messenger'))
        }
      }

      if (submit) {
        if (v.sectors.length === 0) issue('sectors', t('listing.error.sectorsMin'))
        if (!v.city?.trim()) issue('city', t('listing.error.cityRequired'))
        else if (lat === null && lon === null && !v.cityGeonameId)
          issue('lat', t('listing.error.pointRequired'))
        if (!v.consent) issue('consent', t('listing.error.consent'))
      }
    })
}

export type ListingFormValue = z.output<ReturnType<typeof listingSchema>>
