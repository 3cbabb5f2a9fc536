import type { Locale } from '#db/schema'

export type { Locale }
export const locales = ['ru', 'en'] as const satisfies readonly Locale[]
export const defaultLocale: Locale = 'ru'

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en'
}

/** Picks the viewer's language from a pair of ru/en values, falling back to the other. */
export function pick(locale: Locale, ru: string | null | undefined, en: string | null | undefined) {
  const first = locale === 'ru' ? ru : en
  const second = locale === 'ru' ? en : ru
  return first?.trim() ? first : second?.trim() ? second : null
}
