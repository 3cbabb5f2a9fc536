import { createCookie } from 'react-router'
import { defaultLocale, isLocale, type Locale } from './locales'

// Not signed: a visitor may set their own language to anything; we only accept ru/en.
export const localeCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

export async function getLocale(request: Request): Promise<Locale> {
  const value = await localeCookie.parse(request.headers.get('Cookie'))
  return isLocale(value) ? value : defaultLocale
}
