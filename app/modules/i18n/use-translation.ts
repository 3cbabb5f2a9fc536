import { useRouteLoaderData } from 'react-router'
import { defaultLocale, isLocale, type Locale } from './locales'
import { makeTranslator } from './translate'

export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: unknown } | undefined
  return isLocale(data?.locale) ? data.locale : defaultLocale
}

export function useT() {
  return makeTranslator(useLocale())
}
