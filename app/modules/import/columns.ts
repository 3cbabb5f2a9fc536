import type { Locale } from '~/modules/i18n/locales'

/**
 * The columns of a council's import file, in template order. Each has a stable key (used as
 * the English header too), a Russian header, and the editor field it fills. Headers are matched
 * case-insensitively in either language, so a council may fill a Russian or an English template.
 */
export type ImportColumn = {
  key: string
  ru: string
  /** How to fill the cell, shown on the template's second sheet. */
  hintRu: string
  hintEn: string
  required?: boolean
}

export const importColumns: ImportColumn[] = [
  {
    key: 'external_id',
    ru: 'Внешний номер',
    hintRu: 'Ваш номер записи; повторная загрузка обновляет запись с тем же номером',
    hintEn: 'Your record number; re-importing updates the record with the same number',
  },
  {
    key: 'name_ru',
    ru: 'Название (рус.)',
    hintRu: 'Нужно хотя бы одно из трёх названий',
    hintEn: 'At least one of the three names is required',
    required: true,
  },
  { key: 'name_en', ru: 'Название (англ.)', hintRu: 'До 200 символов', hintEn: 'Up to 200 characters' },
  {
    key: 'name_local',
    ru: 'Название на местном языке',
    hintRu: 'Например, 株式会社桜物流',
    hintEn: 'For example 株式会社桜物流',
  },
  {
    key: 'description_ru',
    ru: 'Описание (рус.)',
    hintRu: 'До 5000 символов',
    hintEn: 'Up to 5,000 characters',
  },
  {
    key: 'description_en',
    ru: 'Описание (англ.)',
    hintRu: 'До 5000 символов',
    hintEn: 'Up to 5,000 characters',
  },
  {
    key: 'sectors',
    ru: 'Отрасли',
    hintRu: 'Коды разделов ОКВЭД/NACE через «;», от 1 до 3, например G;H',
    hintEn: 'OKVED/NACE section codes separated by ";", 1 to 3, e.g. G;H',
    required: true,
  },
  { key: 'keywords', ru: 'Ключевые слова', hintRu: 'Через запятую', hintEn: 'Comma-separated' },
  {
    key: 'city',
    ru: 'Город',
    hintRu: 'Название города на русском, английском или местном языке',
    hintEn: 'City name in Russian, English or the local language',
    required: true,
  },
  { key: 'address', ru: 'Адрес', hintRu: 'До 300 символов', hintEn: 'Up to 300 characters' },
  {
    key: 'lat',
    ru: 'Широта',
    hintRu: 'От −90 до 90; пусто — центр города',
    hintEn: '−90 to 90; empty: the city centre',
  },
  {
    key: 'lon',
    ru: 'Долгота',
    hintRu: 'От −180 до 180; пусто — центр города',
    hintEn: '−180 to 180; empty: the city centre',
  },
  { key: 'founded_year', ru: 'Год основания', hintRu: 'Например, 2012', hintEn: 'For example 2012' },
  {
    key: 'size_band',
    ru: 'Размер',
    hintRu: 'micro, small, medium или large',
    hintEn: 'micro, small, medium or large',
  },
  {
    key: 'website',
    ru: 'Сайт',
    hintRu: 'Например, https://example.com',
    hintEn: 'For example https://example.com',
  },
  { key: 'email', ru: 'Эл. почта', hintRu: 'Адрес электронной почты', hintEn: 'E-mail address' },
  {
    key: 'phone',
    ru: 'Телефон',
    hintRu: 'С кодом страны, например +81 3 1234 5678',
    hintEn: 'With the country code, e.g. +81 3 1234 5678',
  },
  { key: 'telegram', ru: 'Telegram', hintRu: 'Имя пользователя', hintEn: 'Username' },
  { key: 'whatsapp', ru: 'WhatsApp', hintRu: 'Номер телефона', hintEn: 'Phone number' },
  { key: 'wechat', ru: 'WeChat', hintRu: 'ID', hintEn: 'ID' },
  { key: 'line', ru: 'LINE', hintRu: 'ID', hintEn: 'ID' },
  { key: 'kakaotalk', ru: 'KakaoTalk', hintRu: 'ID', hintEn: 'ID' },
  { key: 'zalo', ru: 'Zalo', hintRu: 'Номер телефона', hintEn: 'Phone number' },
  {
    key: 'languages',
    ru: 'Рабочие языки',
    hintRu: 'Коды ISO 639-1 через «;», например ru;en;ja',
    hintEn: 'ISO 639-1 codes separated by ";", e.g. ru;en;ja',
  },
  {
    key: 'cooperation',
    ru: 'Формы сотрудничества',
    hintRu: 'Коды через «;»: export_to_russia, import_from_russia, investment, …',
    hintEn: 'Codes separated by ";": export_to_russia, import_from_russia, investment, …',
  },
  {
    key: 'offers',
    ru: 'Предлагает',
    hintRu:
      'Что компания предлагает: коды разделов (C) или подразделов (10) ОКВЭД-2/NACE через «;», до 10, например 10;46',
    hintEn:
      'What the business offers: OKVED-2/NACE section (C) or division (10) codes separated by ";", up to 10, e.g. 10;46',
  },
  {
    key: 'seeks',
    ru: 'Ищет',
    hintRu: 'Что компания ищет: такие же коды через «;», до 10, например H;52',
    hintEn: 'What the business seeks: the same codes separated by ";", up to 10, e.g. H;52',
  },
  {
    key: 'regions',
    ru: 'Регионы России',
    hintRu: 'Коды ISO 3166-2 через «;», например RU-PRI;RU-MOW',
    hintEn: 'ISO 3166-2 codes separated by ";", e.g. RU-PRI;RU-MOW',
  },
  { key: 'public_email', ru: 'Показывать почту', hintRu: 'да/нет', hintEn: 'yes/no' },
  { key: 'public_phone', ru: 'Показывать телефон', hintRu: 'да/нет', hintEn: 'yes/no' },
  { key: 'public_messengers', ru: 'Показывать мессенджеры', hintRu: 'да/нет', hintEn: 'yes/no' },
  {
    key: 'public_address',
    ru: 'Показывать адрес',
    hintRu: 'да/нет (по умолчанию да)',
    hintEn: 'yes/no (yes by default)',
  },
  {
    key: 'consent',
    ru: 'Согласие на публикацию',
    hintRu: 'да — владелец согласился на публикацию',
    hintEn: 'yes: the owner agreed to publication',
    required: true,
  },
]

export function columnHeader(column: ImportColumn, locale: Locale) {
  return locale === 'ru' ? column.ru : column.key
}

const byHeader = new Map<string, ImportColumn>()
for (const column of importColumns) {
  byHeader.set(column.key.toLowerCase(), column)
  byHeader.set(column.ru.toLowerCase(), column)
}

/** The column a header names, in either language; unknown headers are reported, not guessed. */
export function columnForHeader(header: string) {
  return byHeader.get(header.trim().replace(/\s+/g, ' ').toLowerCase())
}
