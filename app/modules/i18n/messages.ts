import { apiTokenMessagesEn, apiTokenMessagesRu } from '../accounts/api-token-messages'
import { accountsMessagesEn, accountsMessagesRu } from '../accounts/messages'
import { adminMessagesEn, adminMessagesRu } from '../admin/messages'
import { alertsMessagesEn, alertsMessagesRu } from '../alerts/messages'
import { businessesMessagesEn, businessesMessagesRu } from '../businesses/messages'
import { duplicatesMessagesEn, duplicatesMessagesRu } from '../duplicates/messages'
import { embedMessagesEn, embedMessagesRu } from '../embed/messages'
import { httpMessagesEn, httpMessagesRu } from '../http/messages'
import { importMessagesEn, importMessagesRu } from '../import/messages'
import { mapMessagesEn, mapMessagesRu } from '../map/messages'
import { moderationMessagesEn, moderationMessagesRu } from '../moderation/messages'
import { nominationsMessagesEn, nominationsMessagesRu } from '../nominations/messages'
import { regionsMessagesEn, regionsMessagesRu } from '../regions/messages'
import { searchMessagesEn, searchMessagesRu } from '../search/messages'
import { seoMessagesEn, seoMessagesRu } from '../seo/messages'
import { settingsMessagesEn, settingsMessagesRu } from '../settings/messages'
import { statsMessagesEn, statsMessagesRu } from '../stats/messages'
import { upkeepMessagesEn, upkeepMessagesRu } from '../upkeep/messages'

/**
 * Every user-facing string, Russian first. Keys are grouped by screen; a
 * capability keeps its own strings in `app/modules/<area>/messages.ts` and they
 * are merged here. A message may hold {placeholders}; plural forms live in `plurals`.
 */
const coreRu = {
  'app.title': 'Карта российского бизнеса',
  'app.subtitle': 'Предприниматели-соотечественники в Азиатско-Тихоокеанском регионе',
  'nav.directory': 'Каталог',
  'nav.skipToContent': 'Перейти к содержанию',
  'lang.switchTo': 'English',
  'lang.switchLabel': 'Switch to English',
  'search.label': 'Поиск по названию, городу, ключевым словам',
  'search.placeholder': 'Например: логистика Токио',
  'search.submit': 'Найти',
  'search.reset': 'Сбросить',
  'directory.heading': 'Компании соотечественников',
  'directory.resultsFor': 'Результаты по запросу «{q}»',
  'directory.empty': 'Ничего не найдено. Попробуйте другое слово или уберите часть запроса.',
  'directory.emptyAll': 'Пока нет опубликованных компаний.',
  'pagination.label': 'Страницы',
  'pagination.prev': '← Назад',
  'pagination.next': 'Вперёд →',
  'pagination.page': 'Страница {page} из {pages}',
  'business.sectors': 'Отрасли',
  'business.keywords': 'Ключевые слова',
  'business.location': 'Местонахождение',
  'business.address': 'Адрес',
  'business.founded': 'Год основания',
  'business.size': 'Размер',
  'business.website': 'Сайт',
  'business.email': 'Эл. почта',
  'business.phone': 'Телефон',
  'business.messengers': 'Мессенджеры',
  'business.languages': 'Рабочие языки',
  'business.contacts': 'Контакты',
  'business.contactsHidden': 'Владелец не открыл контакты для публикации.',
  'business.cooperation': 'Какое сотрудничество с Россией ищет',
  'business.cooperationKinds': 'Формы сотрудничества',
  'business.regions': 'Регионы России',
  'business.verified': 'Проверено советом',
  'business.verifiedTitle': 'Данные подтверждены координационным советом страны',
  'business.backToList': '← К списку',
  'business.description': 'О компании',
  'business.noDescription': 'Описание пока не добавлено.',
  'business.updated': 'Обновлено {date}',
  'error.notFound.title': 'Страница не найдена',
  'error.notFound.text': 'Такой страницы нет, или она больше недоступна.',
  'error.businessNotFound': 'Компания не найдена или ещё не опубликована.',
  'error.generic.title': 'Что-то пошло не так',
  'error.generic.text': 'Мы уже знаем об ошибке. Попробуйте обновить страницу.',
  'error.badRequest.title': 'Неверный запрос',
  'error.home': 'На главную',
  'validation.page': 'Номер страницы должен быть целым числом от 1 до {max}.',
  'validation.query': 'Запрос не длиннее {max} символов.',
  'footer.about':
    'По резолюции XII Региональной конференции российских соотечественников стран АТР (Осака, 2018), п. 16.',
} as const

const coreEn: Record<keyof typeof coreRu, string> = {
  'app.title': 'Russian Business Map',
  'app.subtitle': 'Compatriot entrepreneurs across the Asia-Pacific region',
  'nav.directory': 'Directory',
  'nav.skipToContent': 'Skip to content',
  'lang.switchTo': 'Русский',
  'lang.switchLabel': 'Переключить на русский',
  'search.label': 'Search by name, city, keywords',
  'search.placeholder': 'For example: logistics Tokyo',
  'search.submit': 'Search',
  'search.reset': 'Reset',
  'directory.heading': 'Compatriot businesses',
  'directory.resultsFor': 'Results for “{q}”',
  'directory.empty': 'Nothing found. Try another word or remove part of the query.',
  'directory.emptyAll': 'No published businesses yet.',
  'pagination.label': 'Pages',
  'pagination.prev': '← Previous',
  'pagination.next': 'Next →',
  'pagination.page': 'Page {page} of {pages}',
  'business.sectors': 'Sectors',
  'business.keywords': 'Keywords',
  'business.location': 'Location',
  'business.address': 'Address',
  'business.founded': 'Founded',
  'business.size': 'Size',
  'business.website': 'Website',
  'business.email': 'E-mail',
  'business.phone': 'Phone',
  'business.messengers': 'Messengers',
  'business.languages': 'Working languages',
  'business.contacts': 'Contacts',
  'business.contactsHidden': 'The owner has not made contact details public.',
  'business.cooperation': 'Cooperation sought with Russia',
  'business.cooperationKinds': 'Kinds of cooperation',
  'business.regions': 'Russian regions',
  'business.verified': 'Verified by council',
  'business.verifiedTitle': "Details confirmed by the country's coordination council",
  'business.backToList': '← Back to list',
  'business.description': 'About',
  'business.noDescription': 'No description yet.',
  'business.updated': 'Updated {date}',
  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'This page does not exist or is no longer available.',
  'error.businessNotFound': 'The business was not found or is not published yet.',
  'error.generic.title': 'Something went wrong',
  'error.generic.text': 'The error has been logged. Please try reloading the page.',
  'error.badRequest.title': 'Bad request',
  'error.home': 'Home',
  'validation.page': 'The page number must be a whole number from 1 to {max}.',
  'validation.query': 'The query may be at most {max} characters.',
  'footer.about':
    'Following item 16 of the resolution of the XII Regional Conference of Russian compatriots of the Asia-Pacific (Osaka, 2018).',
}

export const ru = {
  ...coreRu,
  ...accountsMessagesRu,
  ...apiTokenMessagesRu,
  ...httpMessagesRu,
  ...businessesMessagesRu,
  ...searchMessagesRu,
  ...mapMessagesRu,
  ...statsMessagesRu,
  ...regionsMessagesRu,
  ...seoMessagesRu,
  ...embedMessagesRu,
  ...settingsMessagesRu,
  ...importMessagesRu,
  ...duplicatesMessagesRu,
  ...moderationMessagesRu,
  ...adminMessagesRu,
  ...nominationsMessagesRu,
  ...alertsMessagesRu,
  ...upkeepMessagesRu,
}
export type MessageKey = keyof typeof ru
export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...accountsMessagesEn,
  ...apiTokenMessagesEn,
  ...httpMessagesEn,
  ...businessesMessagesEn,
  ...searchMessagesEn,
  ...mapMessagesEn,
  ...statsMessagesEn,
  ...regionsMessagesEn,
  ...seoMessagesEn,
  ...embedMessagesEn,
  ...settingsMessagesEn,
  ...importMessagesEn,
  ...duplicatesMessagesEn,
  ...moderationMessagesEn,
  ...adminMessagesEn,
  ...nominationsMessagesEn,
  ...alertsMessagesEn,
  ...upkeepMessagesEn,
}

/** Plural messages: one form per Intl.PluralRules category of the language. */
export const plurals = {
  ru: {
    businesses: { one: '{n} компания', few: '{n} компании', many: '{n} компаний', other: '{n} компании' },
    rowsAccusative: { one: '{n} строку', few: '{n} строки', many: '{n} строк', other: '{n} строки' },
  },
  en: {
    businesses: { one: '{n} business', other: '{n} businesses' },
    rowsAccusative: { one: '{n} row', other: '{n} rows' },
  },
} as const satisfies Record<'ru' | 'en', Record<string, Partial<Record<Intl.LDMLPluralRule, string>>>>

export type PluralKey = keyof (typeof plurals)['ru']
