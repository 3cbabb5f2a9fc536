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
  /** Extra headers, e.g. List-Unsubscribe on digests. */
  headers?: Record<string, string>
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
        headers: mail.headers,
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
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
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

/**
 * Puts mail in the outbox inside the caller's transaction, so it exists exactly when the change
 * that caused it does (a digest and its schedule move together). `deliverQueued` sends it later.
 */
export async function queueMail(trx: Kysely<Database>, mails: Mail | Mail[]): Promise<void> {
  const list = Array.isArray(mails) ? mails : [mails]
  if (list.length === 0) return
  await trx
    .insertInto('mail_outbox')
    .values(
      list.map((mail) => ({
        to_email: mail.to,
        locale: mail.locale,
        kind: mail.kind,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html ?? null,
        headers: mail.headers ? JSON.stringify(mail.headers) : null,
      })),
    )
    .execute()
}

const MAX_ATTEMPTS = 5

/**
 * Sends queued mail of one kind through SMTP; without SMTP_URL it stays in the outbox for admins.
 * Each row is claimed (sent_at set) before it is handed to SMTP: a crash in between loses that one
 * mail instead of sending it twice, and two processes never both send it. A failed delivery is
 * released for the next run, up to MAX_ATTEMPTS. Returns how many went out.
 */
export async function deliverQueued(db: Kysely<Database>, kind: string, limit = 500): Promise<number> {
  const transporter = smtp()
  if (!transporter) return 0
  const rows = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('kind', '=', kind)
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('id')
    .limit(limit)
    .execute()
  let sent = 0
  for (const { id } of rows) {
    const mail = await db
      .updateTable('mail_outbox')
      .set((eb) => ({ sent_at: new Date(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .returningAll()
      .executeTakeFirst()
    if (!mail) continue
    try {
      await transporter.sendMail({
        from: process.env.MAIL_FROM ?? 'Карта российского бизнеса <no-reply@localhost>',
        to: mail.to_email,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
        headers: mail.headers ?? undefined,
      })
      sent += 1
    } catch (error) {
      const lastError = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 1000)
      console.error(`SMTP delivery failed (${kind}); kept in the outbox: ${lastError}`)
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: null, last_error: lastError })
        .where('id', '=', id)
        .execute()
    }
  }
  return sent
}

export type OutboxItem = {
  id: number
  to: string
  locale: Locale
  kind: string
  subject: string
  text: string
  headers: Record<string, string>
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
    headers: r.headers ?? {},
    lastError: r.last_error,
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}
