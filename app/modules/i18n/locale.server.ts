import { createCookie } from 'react-router'
import { defaultLocale, isLocale, type Locale } from './locales'

// Not signed: a visitor may set their own language to anything; we only accept ru/en.
export const localeCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/**
 * The visitor's chosen language. The embedded map takes it from its address instead (`lang=en` in
 * the embed code): inside another site's iframe our cookie is a third-party one and not sent.
 */
export async function getLocale(request: Request): Promise<Locale> {
  const url = new URL(request.url)
  if (url.pathname === '/embed' || url.pathname === '/embed.data') {
    const chosen = url.searchParams.get('lang')
    if (isLocale(chosen)) return chosen
  }
  const value = await localeCookie.parse(request.headers.get('Cookie'))
  return isLocale(value) ? value : defaultLocale
}
