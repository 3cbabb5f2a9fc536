import type { Locale } from '~/modules/i18n/locales'

// In UTC: the server and the browser render the same day, so hydration never disagrees.
const dayFormats = {
  ru: new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}
const monthFormats = {
  ru: new Intl.DateTimeFormat('ru', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** "3 марта 2027 г." / "3 March 2027". */
export function formatDay(iso: string, locale: Locale) {
  return dayFormats[locale].format(new Date(iso))
}

/** "март 2027 г." / "March 2027": the badge's "verified by the council of Japan, March 2027". */
export function formatMonth(iso: string, locale: Locale) {
  return monthFormats[locale].format(new Date(iso))
}
