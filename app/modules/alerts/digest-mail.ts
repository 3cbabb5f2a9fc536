import type { Translator } from '~/modules/i18n/translate'
import { escapeHtml, htmlLink } from '~/modules/mail/html'

export type DigestListing = { name: string; url: string }

/** Names shown in one mail; the rest are a count and the link to the search. */
export const MAX_DIGEST_LISTINGS = 50

/** A digest's subject, plain text and HTML, in the reader's language (the translator's). */
export function composeDigest(
  t: Translator,
  input: {
    searchName: string
    total: number
    listings: DigestListing[]
    searchUrl: string
    manageUrl: string
    unsubscribeUrl: string
  },
) {
  const { searchName: name, total, listings } = input
  const shown = listings.slice(0, MAX_DIGEST_LISTINGS)
  const more = total - shown.length
  const subject = t('digest.subject', { name, n: total })
  const intro = t('digest.intro', { name, n: total })
  const text = [
    intro,
    '',
    ...shown.map((l) => `- ${l.name}: ${l.url}`),
    ...(more > 0 ? ['', t('digest.more', { n: more })] : []),
    '',
    `${t('digest.open')}: ${input.searchUrl}`,
    `${t('digest.manage')}: ${input.manageUrl}`,
    `${t('digest.unsubscribe')}: ${input.unsubscribeUrl}`,
    '',
    t('digest.footer'),
  ].join('\n')
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${shown.map((l) => `<li>${htmlLink(l.url, l.name)}</li>`).join('')}</ul>`,
    more > 0 ? `<p>${escapeHtml(t('digest.more', { n: more }))}</p>` : '',
    `<p>${htmlLink(input.searchUrl, t('digest.open'))} · ${htmlLink(input.manageUrl, t('digest.manage'))}</p>`,
    `<p><small>${escapeHtml(t('digest.footer'))} ${htmlLink(input.unsubscribeUrl, t('digest.unsubscribe'))}</small></p>`,
  ].join('\n')
  return { subject, text, html }
}
