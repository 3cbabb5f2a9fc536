import type { LocalBusiness, WithContext } from 'schema-dts'

export type LocalBusinessInput = {
  url: string
  image: string
  name: string
  alternateNames: string[]
  description: string | null
  countryCode: string
  city: string | null
  /** Contact details only where the owner made them public. */
  address: string | null
  email: string | null
  phone: string | null
  website: string | null
  lat: number | null
  lon: number | null
  foundedYear: number | null
  keywords: string[]
  knowsLanguage: string[]
}

/** schema.org LocalBusiness for a published listing, as search engines read it from the page. */
export function localBusinessJsonLd(input: LocalBusinessInput): WithContext<LocalBusiness> {
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    '@id': input.url,
    url: input.url,
    name: input.name,
    ...(input.alternateNames.length ? { alternateName: input.alternateNames } : {}),
    ...(input.description ? { description: input.description } : {}),
    image: input.image,
    address: {
      '@type': 'PostalAddress',
      addressCountry: input.countryCode,
      ...(input.city ? { addressLocality: input.city } : {}),
      ...(input.address ? { streetAddress: input.address } : {}),
    },
    ...(input.lat !== null && input.lon !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: input.lat, longitude: input.lon } }
      : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { telephone: input.phone } : {}),
    ...(input.website ? { sameAs: input.website } : {}),
    ...(input.foundedYear ? { foundingDate: String(input.foundedYear) } : {}),
    ...(input.keywords.length ? { keywords: input.keywords.join(', ') } : {}),
    ...(input.knowsLanguage.length ? { knowsLanguage: input.knowsLanguage } : {}),
  }
}
