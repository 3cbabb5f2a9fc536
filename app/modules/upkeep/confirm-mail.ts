import type { Translator } from '~/modules/i18n/translate'
import { escapeHtml, htmlLink } from '~/modules/mail/html'

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
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p><strong>${htmlLink(input.confirmUrl, t('upkeep.mail.confirm'))}</strong></p>`,
    `<p>${htmlLink(input.editUrl, t('upkeep.mail.edit'))} · ${htmlLink(input.listingUrl, t('upkeep.mail.view'))}</p>`,
    `<p><small>${escapeHtml(t('upkeep.mail.why'))}</small></p>`,
  ].join('\n')
  return { subject, text, html }
}
