import type { ExportColumn } from '~/modules/export/columns'
import { pick } from '~/modules/i18n/locales'
import { translate } from '~/modules/i18n/translate'
import type { RankedNomination } from './reviews.server'

/** A ranked nomination with the details the working group prints and shares. */
export type NominationExportRow = RankedNomination & {
  businessNameRu: string | null
  businessNameEn: string | null
  personPosition: string | null
  personEmail: string | null
  personPhone: string | null
  justificationRu: string | null
  justificationEn: string | null
  topics: string | null
  submittedAt: Date | null
}

export const nominationColumns: readonly ExportColumn<NominationExportRow>[] = [
  { key: 'id', header: { ru: '№', en: 'No.' }, type: 'number', value: (r) => r.id },
  {
    key: 'country',
    header: { ru: 'Страна', en: 'Country' },
    type: 'string',
    value: (r) => r.countryCode.trim(),
  },
  {
    key: 'status',
    header: { ru: 'Состояние', en: 'State' },
    type: 'string',
    value: (r, locale) => translate(locale, `nomination.status.${r.status}` as never),
  },
  {
    key: 'business',
    header: { ru: 'Компания', en: 'Business' },
    type: 'string',
    width: 30,
    value: (r, locale) => pick(locale, r.businessNameRu, r.businessNameEn),
  },
  {
    key: 'person',
    header: { ru: 'Кандидат', en: 'Candidate' },
    type: 'string',
    width: 25,
    value: (r) => r.personName,
  },
  {
    key: 'position',
    header: { ru: 'Должность', en: 'Position' },
    type: 'string',
    value: (r) => r.personPosition,
  },
  { key: 'email', header: { ru: 'Эл. почта', en: 'E-mail' }, type: 'string', value: (r) => r.personEmail },
  { key: 'phone', header: { ru: 'Телефон', en: 'Phone' }, type: 'string', value: (r) => r.personPhone },
  { key: 'average', header: { ru: 'Средний балл', en: 'Average' }, type: 'number', value: (r) => r.average },
  { key: 'spread', header: { ru: 'Разброс', en: 'Spread' }, type: 'number', value: (r) => r.spread },
  { key: 'reviews', header: { ru: 'Оценок', en: 'Reviews' }, type: 'number', value: (r) => r.reviews },
  { key: 'topics', header: { ru: 'Темы', en: 'Topics' }, type: 'string', width: 30, value: (r) => r.topics },
  {
    key: 'justification',
    header: { ru: 'Обоснование', en: 'Justification' },
    type: 'string',
    width: 60,
    value: (r, locale) => pick(locale, r.justificationRu, r.justificationEn),
  },
  { key: 'submitted', header: { ru: 'Подана', en: 'Submitted' }, type: 'date', value: (r) => r.submittedAt },
]
