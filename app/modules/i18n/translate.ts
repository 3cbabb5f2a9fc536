import type { Locale } from './locales'
import { en, type MessageKey, type PluralKey, plurals, ru } from './messages'

const dictionaries = { ru, en } satisfies Record<Locale, Record<MessageKey, string>>
const pluralRules = { ru: new Intl.PluralRules('ru'), en: new Intl.PluralRules('en') }
const numberFormats = { ru: new Intl.NumberFormat('ru'), en: new Intl.NumberFormat('en') }

export type Params = Record<string, string | number>

function interpolate(template: string, params: Params | undefined, locale: Locale) {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name]
    if (value === undefined) return match
    return typeof value === 'number' ? numberFormats[locale].format(value) : value
  })
}

export function translate(locale: Locale, key: MessageKey, params?: Params) {
  return interpolate(dictionaries[locale][key], params, locale)
}

export function translatePlural(locale: Locale, key: PluralKey, n: number) {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = plurals[locale][key]
  const form = forms[pluralRules[locale].select(n)] ?? forms.other ?? ''
  return interpolate(form, { n }, locale)
}

export type Translator = ((key: MessageKey, params?: Params) => string) & {
  locale: Locale
  plural: (key: PluralKey, n: number) => string
}

export function makeTranslator(locale: Locale): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(locale, key, params)) as Translator
  t.locale = locale
  t.plural = (key, n) => translatePlural(locale, key, n)
  return t
}
