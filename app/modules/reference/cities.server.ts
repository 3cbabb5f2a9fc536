import { type City, cities } from '#db/reference/cities'

let byId: Map<number, City> | null = null

/** The gazetteer entry of a listing's city, for showing its name in the viewer's language. */
export function cityById(id: number | null | undefined): City | undefined {
  if (id == null) return undefined
  byId ??= new Map(cities.map((c) => [c.id, c]))
  return byId.get(id)
}

/** A listing's city name in the viewer's language, falling back to what was typed. */
export function localizedCity(locale: 'ru' | 'en', id: number | null | undefined, typed: string | null) {
  const city = cityById(id)
  if (!city) return typed
  return locale === 'ru' ? city.nameRu : city.nameEn
}
