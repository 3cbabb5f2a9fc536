import { businessDisplayName } from '~/components/business-list-item'
import type { BusinessCard, ContactAccess } from '~/modules/businesses/card.server'
import type { Locale } from '~/modules/i18n/locales'
import { makeTranslator } from '~/modules/i18n/translate'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import { localBusinessJsonLd } from './json-ld'
import type { ShareInfo } from './share-meta'

/**
 * What a published listing tells other sites: the link preview (Open Graph, Twitter) and the
 * schema.org record. Contact details go in only when this page shows just the public ones, so a
 * council member's view never puts a private phone into markup.
 */
export function listingPreview(
  card: BusinessCard,
  labels: ReferenceLabels,
  locale: Locale,
  origin: string,
  access: ContactAccess,
) {
  const t = makeTranslator(locale)
  const name = businessDisplayName(locale, card)
  const country = labels.countries[card.countryCode]?.[locale] ?? card.countryCode
  const place = [card.city, country].filter(Boolean).join(', ')
  const sectors = card.sectorCodes.map((code) => labels.sectors[code]?.[locale] ?? code).join(', ')
  const own =
    locale === 'ru' ? (card.descriptionRu ?? card.descriptionEn) : (card.descriptionEn ?? card.descriptionRu)
  const description = own?.trim() || t('seo.listingSummary', { place, sectors: sectors || '—' })
  const url = `${origin}/businesses/${card.id}`
  const image = `${origin}/og/business/${card.id}`
  const share: ShareInfo = {
    title: `${name} — ${place}`,
    description,
    url,
    image,
    locale,
    siteName: t('app.title'),
    type: 'business.business',
  }
  const publicOnly = access === 'public'
  const jsonLd = localBusinessJsonLd({
    url,
    image,
    name,
    alternateNames: [card.nameRu, card.nameEn, card.nameLocal].filter(
      (n): n is string => Boolean(n) && n !== name,
    ),
    description: own?.trim() || null,
    countryCode: card.countryCode,
    city: card.city,
    address: publicOnly ? card.address : null,
    email: publicOnly ? card.email : null,
    phone: publicOnly ? card.phone : null,
    website: card.website,
    lat: card.lat,
    lon: card.lon,
    foundedYear: card.foundedYear,
    keywords: card.keywords,
    knowsLanguage: card.languages,
  })
  return { share, jsonLd }
}
