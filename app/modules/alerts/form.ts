import type { DigestFrequency } from '#db/schema'
import type { Translator } from '~/modules/i18n/translate'
import { frequencies, MAX_NAME_LENGTH } from './limits'

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

/** Trimmed, control characters removed, 1…MAX_NAME_LENGTH characters (the database checks the same). */
export function parseName(t: Translator, raw: FormDataEntryValue | null): Parsed<string> {
  const name = typeof raw === 'string' ? raw.replace(/\p{Cc}/gu, ' ').trim() : ''
  if (name.length < 1 || name.length > MAX_NAME_LENGTH)
    return { ok: false, error: t('savedSearch.error.name', { max: MAX_NAME_LENGTH }) }
  return { ok: true, value: name }
}

export function parseFrequency(t: Translator, raw: FormDataEntryValue | null): Parsed<DigestFrequency> {
  const value = frequencies.find((f) => f === raw)
  return value ? { ok: true, value } : { ok: false, error: t('savedSearch.error.frequency') }
}

export function parseId(raw: FormDataEntryValue | null): number | null {
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null
}
