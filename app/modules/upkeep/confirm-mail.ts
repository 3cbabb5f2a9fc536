import type { Translator } from '~/modules/i18n/translate'

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => escapes[ch] as string)

/** The yearly "is your listing still current?" mail, in the owner's language (the translator's). */
export function composeConfirmationMail(
  t: Translator,
  input: { listingName: string; confirmUrl: string; editUrl: string; listingUrl: string; reminder: boolean },
) {
  const name = input.listingName
  const subject = t(input.reminder ? 'upkeep.mail.subjectReminder' : 'upkeep.mail.subject', { name })
  const intro = t('upkeep.mail.intro', { name })
  const text = [
    intro,
    '',
    `${t('upkeep.mail.confirm')}: ${input.confirmUrl}`,
    `${t('upkeep.mail.edit')}: ${input.editUrl}`,
    `${t('upkeep.mail.view')}: ${input.listingUrl}`,
    '',
    t('upkeep.mail.why'),
  ].join('\n')
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p><strong>${link(input.confirmUrl, t('upkeep.mail.confirm'))}</strong></p>`,
    `<p>${link(input.editUrl, t('upkeep.mail.edit'))} · ${link(input.listingUrl, t('upkeep.mail.view'))}</p>`,
    `<p><small>${escapeHtml(t('upkeep.mail.why'))}</small></p>`,
  ].join('\n')
  return { subject, text, html }
}
