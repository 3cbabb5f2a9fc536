import { type City, cities } from '#db/reference/cities'
import type { Locale } from '#db/schema'

/** The offline city gazetteer (GeoNames, shipped in db/reference): autocomplete and city → point. */

export type CitySuggestion = {
  id: number
  name: string
  nameRu: string
  nameEn: string
  nameLocal: string
  lat: number
  lon: number
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('ru').replace(/ё/g, 'е').trim()

const byCountry = new Map<string, { city: City; keys: string[] }[]>()
for (const city of cities) {
  const list = byCountry.get(city.country) ?? []
  list.push({ city, keys: [...new Set([city.nameRu, city.nameEn, city.nameLocal].map(fold))] })
  byCountry.set(city.country, list)
}
const byId = new Map(cities.map((c) => [c.id, c]))

export function displayCityName(city: City, locale: Locale) {
  return locale === 'ru' ? city.nameRu : city.nameEn
}

function toSuggestion(city: City, locale: Locale): CitySuggestion {
  return {
    id: city.id,
    name: displayCityName(city, locale),
    nameRu: city.nameRu,
    nameEn: city.nameEn,
    nameLocal: city.nameLocal,
    lat: city.lat,
    lon: city.lon,
  }
}

/** Cities of a country whose ru/en/local name starts with (then contains) the query; biggest first. */
export function suggestCities(country: string, query: string, locale: Locale, limit = 10): CitySuggestion[] {
  const list = byCountry.get(country.toUpperCase()) ?? []
  const q = fold(query).slice(0, 60)
  if (!q) return list.slice(0, limit).map((e) => toSuggestion(e.city, locale))
  const starts = list.filter((e) => e.keys.some((k) => k.startsWith(q)))
  const contains = list.filter((e) => !starts.includes(e) && e.keys.some((k) => k.includes(q)))
  return [...starts, ...contains].slice(0, limit).map((e) => toSuggestion(e.city, locale))
}

/** The gazetteer city a typed name means, if exactly one name matches in that country. */
export function findCity(country: string, name: string | undefined | null): City | null {
  if (!name?.trim()) return null
  const q = fold(name)
  return byCountry.get(country.toUpperCase())?.find((e) => e.keys.includes(q))?.city ?? null
}

export function cityById(id: number | null | undefined, country: string): City | null {
  if (!id) return null
  const city = byId.get(id)
  return city && city.country === country.toUpperCase() ? city : null
}
