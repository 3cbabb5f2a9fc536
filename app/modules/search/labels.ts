import { cooperationKinds, sizeBands } from '#db/reference/cooperation'
import type { Locale } from '#db/schema'
import { taxonomyLabel } from '~/modules/businesses/taxonomy'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import type { ListFacet } from './params'

const coopLabels = Object.fromEntries(cooperationKinds.map((k) => [k.code, { ru: k.nameRu, en: k.nameEn }]))
const sizeLabels = Object.fromEntries(sizeBands.map((s) => [s.code, { ru: s.nameRu, en: s.nameEn }]))

/** The label of a facet value in the viewer's language (reference tables, then the code itself). */
export function facetValueLabel(
  labels: ReferenceLabels,
  facet: ListFacet,
  value: string,
  locale: Locale,
): string {
  if (facet === 'offers' || facet === 'seeks') return taxonomyLabel(value, locale)
  const table =
    facet === 'country'
      ? labels.countries
      : facet === 'sector'
        ? labels.sectors
        : facet === 'region'
          ? labels.regions
          : facet === 'district'
            ? labels.districts
            : facet === 'coop'
              ? coopLabels
              : sizeLabels
  return table[value]?.[locale] ?? value
}
