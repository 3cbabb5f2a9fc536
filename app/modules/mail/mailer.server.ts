import type { Kysely } from 'kysely'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Database, Locale } from '#db/schema'

export type Mail = {
  to: string
  /** The recipient's language: every message is written in it. */
  locale: Locale
  /** A stable name of the template, e.g. 'verify_email'; shown in the admin outbox. */
  kind: string
  subject: string
  text: string
  html?: string
}

let transport: Transporter | undefined

function smtp(): Transporter | undefined {
  const url = process.env.SMTP_URL
  if (!url) return undefined
  transport ??= nodemailer.createTransport(url)
  return transport
}

/** One-time links carry secrets: never let them reach a log file. */
export function redactSecrets(text: string) {
  return text.replace(/([?&](?:token|code)=)[^\s&"'<>]+/gi, '$1***')
}

/**
 * The one way the app sends e-mail. With SMTP_URL set it goes out through nodemailer;
 * otherwise (and when SMTP fails) it lands in the mail_outbox table, which admins read at
 * /admin/outbox, so a fresh install without a mail server still lets people confirm accounts.
 */
export async function sendMail(db: Kysely<Database>, mail: Mail): Promise<void> {
  const transporter = smtp()
  let lastError: string | null = null
  if (transporter) {
    try {
      await transporter.sendMail({
        from: process.env.MAIL_FROM ?? 'Карта российского бизнеса <no-reply@localhost>',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      })
      return
    } catch (error) {
      lastError = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 1000)
      console.error(`SMTP delivery failed (${mail.kind}); kept in the outbox: ${lastError}`)
    }
  }
  await db
    .insertInto('mail_outbox')
    .values({
      to_email: mail.to,
      locale: mail.locale,
      kind: mail.kind,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      attempts: lastError ? 1 : 0,
      last_error: lastError,
    })
    .execute()
  if (process.env.NODE_ENV === 'development') {
    console.log(
      `[outbox] ${mail.kind} to ${mail.to}: ${mail.subject}\n${redactSecrets(mail.text)}\n(the full message is at /admin/outbox)`,
    )
  }
}

export type OutboxItem = {
  id: number
  to: string
  locale: Locale
  kind: string
  subject: string
  text: string
  lastError: string | null
  sentAt: string | null
  createdAt: string
}

export async function listOutbox(db: Kysely<Database>, limit = 50): Promise<OutboxItem[]> {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    to: r.to_email,
    locale: r.locale,
    kind: r.kind,
    subject: r.subject,
    text: r.text_body,
    lastError: r.last_error,
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}
