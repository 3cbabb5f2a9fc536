// Small vocabularies of a listing: kinds of cooperation sought with Russia, size bands, messengers and
// working languages.
//
// Source (hand-maintained; not generated): written for this app from the product brief. Size bands follow
// the EU / OECD employee bands (micro 1–9, small 10–49, medium 50–249, large 250+), not the Russian SME law
// (which uses 15 / 100 / 250), because the businesses are registered across the Asia-Pacific region.
// Language codes are ISO 639-1; native names are the languages' own names (autonyms).
// Codes are stable keys stored in the database: never change or reuse one; add new entries at the end
// of a list and ship a migration that inserts them.

export interface CooperationKind {
  code: string
  nameRu: string
  nameEn: string
}

export const cooperationKinds = [
  { code: 'export_to_russia', nameRu: 'Экспорт в Россию', nameEn: 'Export to Russia' },
  { code: 'import_from_russia', nameRu: 'Импорт из России', nameEn: 'Import from Russia' },
  { code: 'investment', nameRu: 'Инвестиции', nameEn: 'Investment' },
  { code: 'joint_venture', nameRu: 'Совместное предприятие', nameEn: 'Joint venture' },
  { code: 'representation', nameRu: 'Представительство и дистрибуция', nameEn: 'Representation and distribution' },
  { code: 'logistics', nameRu: 'Логистика и транспорт', nameEn: 'Logistics and transport' },
  { code: 'tourism', nameRu: 'Туризм', nameEn: 'Tourism' },
  { code: 'education', nameRu: 'Образование', nameEn: 'Education' },
  { code: 'technology', nameRu: 'Технологии и инновации', nameEn: 'Technology and innovation' },
  { code: 'consulting', nameRu: 'Консалтинг и юридические услуги', nameEn: 'Consulting and legal services' },
  { code: 'culture_media', nameRu: 'Культура и медиа', nameEn: 'Culture and media' },
] as const satisfies readonly CooperationKind[]

export type CooperationKindCode = (typeof cooperationKinds)[number]['code']

export interface SizeBand {
  code: string
  minEmployees: number
  /** Inclusive upper bound; null for the open-ended top band. */
  maxEmployees: number | null
  nameRu: string
  nameEn: string
}

export const sizeBands = [
  { code: 'micro', minEmployees: 1, maxEmployees: 9, nameRu: 'Микропредприятие: 1–9 сотрудников', nameEn: 'Micro: 1–9 employees' },
  { code: 'small', minEmployees: 10, maxEmployees: 49, nameRu: 'Малое: 10–49 сотрудников', nameEn: 'Small: 10–49 employees' },
  { code: 'medium', minEmployees: 50, maxEmployees: 249, nameRu: 'Среднее: 50–249 сотрудников', nameEn: 'Medium: 50–249 employees' },
  { code: 'large', minEmployees: 250, maxEmployees: null, nameRu: 'Крупное: 250 и более сотрудников', nameEn: 'Large: 250+ employees' },
] as const satisfies readonly SizeBand[]

export type SizeBandCode = (typeof sizeBands)[number]['code']

export interface Messenger {
  code: string
  /** Brand name, the same in every UI language. */
  name: string
  /** What the owner enters: a user name, an international phone number, or the messenger's own ID. */
  handle: 'username' | 'phone' | 'id'
  /**
   * Link that opens a chat, with `{handle}` replaced by the handle (phone: digits only, no '+');
   * null where the messenger has no public web link for a handle.
   */
  urlTemplate: string | null
}

export const messengers = [
  { code: 'telegram', name: 'Telegram', handle: 'username', urlTemplate: 'https://t.me/{handle}' },
  { code: 'whatsapp', name: 'WhatsApp', handle: 'phone', urlTemplate: 'https://wa.me/{handle}' },
  { code: 'wechat', name: 'WeChat', handle: 'id', urlTemplate: null },
  { code: 'line', name: 'LINE', handle: 'id', urlTemplate: 'https://line.me/ti/p/~{handle}' },
  { code: 'kakaotalk', name: 'KakaoTalk', handle: 'id', urlTemplate: null },
  { code: 'zalo', name: 'Zalo', handle: 'phone', urlTemplate: 'https://zalo.me/{handle}' },
  { code: 'viber', name: 'Viber', handle: 'phone', urlTemplate: 'viber://chat?number=%2B{handle}' },
] as const satisfies readonly Messenger[]

export type MessengerCode = (typeof messengers)[number]['code']

export interface WorkingLanguage {
  /** ISO 639-1 */
  code: string
  nameRu: string
  nameEn: string
  /** The language's name for itself. */
  nameNative: string
}

export const workingLanguages = [
  { code: 'ru', nameRu: 'Русский', nameEn: 'Russian', nameNative: 'Русский' },
  { code: 'en', nameRu: 'Английский', nameEn: 'English', nameNative: 'English' },
  { code: 'zh', nameRu: 'Китайский', nameEn: 'Chinese', nameNative: '中文' },
  { code: 'ja', nameRu: 'Японский', nameEn: 'Japanese', nameNative: '日本語' },
  { code: 'ko', nameRu: 'Корейский', nameEn: 'Korean', nameNative: '한국어' },
  { code: 'th', nameRu: 'Тайский', nameEn: 'Thai', nameNative: 'ไทย' },
  { code: 'vi', nameRu: 'Вьетнамский', nameEn: 'Vietnamese', nameNative: 'Tiếng Việt' },
  { code: 'id', nameRu: 'Индонезийский', nameEn: 'Indonesian', nameNative: 'Bahasa Indonesia' },
  { code: 'ms', nameRu: 'Малайский', nameEn: 'Malay', nameNative: 'Bahasa Melayu' },
  { code: 'hi', nameRu: 'Хинди', nameEn: 'Hindi', nameNative: 'हिन्दी' },
  { code: 'mn', nameRu: 'Монгольский', nameEn: 'Mongolian', nameNative: 'Монгол' },
  { code: 'km', nameRu: 'Кхмерский', nameEn: 'Khmer', nameNative: 'ខ្មែរ' },
  { code: 'lo', nameRu: 'Лаосский', nameEn: 'Lao', nameNative: 'ລາວ' },
  { code: 'my', nameRu: 'Бирманский', nameEn: 'Burmese', nameNative: 'မြန်မာ' },
  { code: 'tl', nameRu: 'Тагальский (филиппинский)', nameEn: 'Tagalog (Filipino)', nameNative: 'Tagalog' },
  { code: 'ne', nameRu: 'Непальский', nameEn: 'Nepali', nameNative: 'नेपाली' },
  { code: 'bn', nameRu: 'Бенгальский', nameEn: 'Bengali', nameNative: 'বাংলা' },
  { code: 'si', nameRu: 'Сингальский', nameEn: 'Sinhala', nameNative: 'සිංහල' },
  { code: 'ta', nameRu: 'Тамильский', nameEn: 'Tamil', nameNative: 'தமிழ்' },
  { code: 'ur', nameRu: 'Урду', nameEn: 'Urdu', nameNative: 'اردو' },
  { code: 'fr', nameRu: 'Французский', nameEn: 'French', nameNative: 'Français' },
] as const satisfies readonly WorkingLanguage[]

export type WorkingLanguageCode = (typeof workingLanguages)[number]['code']
