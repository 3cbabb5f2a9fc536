import type { MetaDescriptor } from 'react-router'
import type { Locale } from '~/modules/i18n/locales'

export type ShareInfo = {
  title: string
  description: string
  /** Absolute URLs: link previews are fetched by other sites' servers. */
  url: string
  image: string
  locale: Locale
  siteName: string
  type?: 'website' | 'business.business'
}

const OG_LOCALE: Record<Locale, string> = { ru: 'ru_RU', en: 'en_US' }

/** Open Graph and Twitter card tags, in the page's language, so shared links show a proper preview. */
export function shareMeta(info: ShareInfo): MetaDescriptor[] {
  const description = info.description.length > 200 ? `${info.description.slice(0, 197)}…` : info.description
  return [
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: info.url },
    { property: 'og:type', content: info.type ?? 'website' },
    { property: 'og:site_name', content: info.siteName },
    { property: 'og:title', content: info.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: info.url },
    { property: 'og:image', content: info.image },
    { property: 'og:image:width', content: '1200' },
    { property: 'og:image:height', content: '630' },
    { property: 'og:locale', content: OG_LOCALE[info.locale] },
    { property: 'og:locale:alternate', content: OG_LOCALE[info.locale === 'ru' ? 'en' : 'ru'] },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: info.title },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: info.image },
  ]
}
