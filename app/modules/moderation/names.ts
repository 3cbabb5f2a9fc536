import type { Locale } from '#db/schema'

/** A listing's name in the reader's language, falling back to the other one, the local one, its number. */
export function listingName(
  b: { id: number; name_ru: string | null; name_en: string | null; name_local: string | null },
  locale: Locale,
) {
  const first = locale === 'ru' ? (b.name_ru ?? b.name_en) : (b.name_en ?? b.name_ru)
  return first ?? b.name_local ?? `#${b.id}`
}
