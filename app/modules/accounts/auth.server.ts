import { hash, verify } from '@node-rs/argon2'
import { betterAuth } from 'better-auth'
import type { Kysely } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { isLocale } from '~/modules/i18n/locales'
import { makeTranslator } from '~/modules/i18n/translate'
import { sendMail } from '~/modules/mail/mailer.server'
import { MAX_PASSWORD, MIN_PASSWORD } from './schemas'
import { sessionSecret } from './secret.server'

/** Where links in e-mails point: the public address of the site. */
export function appUrl() {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')
}

/** argon2id with the library's defaults (19 MiB, 2 passes); the seed hashes demo passwords the same way. */
export const passwordHasher = {
  hash: (password: string) => hash(password, { algorithm: 2 }),
  verify: async ({ hash: stored, password }: { hash: string; password: string }) => {
    try {
      return await verify(stored, password)
    } catch {
      // A malformed stored hash is a failed sign-in, not a crash.
      return false
    }
  },
}

function createAuth(db: Kysely<Database>) {
  const production = process.env.NODE_ENV === 'production'
  return betterAuth({
    appName: 'Карта российского бизнеса',
    baseURL: appUrl(),
    basePath: '/api/auth',
    secret: sessionSecret(),
    // Our own Kysely instance: PGlite or PostgreSQL. No transactions from better-auth, so it never
    // holds PGlite's single connection while another query of the same request waits for it.
    database: { db, type: 'postgres', transaction: false },
    telemetry: { enabled: false },
    // The HTTP handler is not mounted: our routes call auth.api, and throttle sign-in themselves.
    rateLimit: { enabled: false },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'ru', input: true },
      },
    },
    session: {
      modelName: 'sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      // A session lasts 30 days from sign-in. Not refreshed on use: our loaders do not forward
      // better-auth's refreshed cookie, and a database expiry the cookie does not share would mislead.
      expiresIn: 60 * 60 * 24 * 30,
      disableSessionRefresh: true,
    },
    account: {
      modelName: 'accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
      // Reset tokens are kept as SHA-256 hashes: a copy of the table does not let anyone reset a password.
      storeIdentifier: 'hashed',
    },
    advanced: {
      useSecureCookies: production,
      cookiePrefix: 'cbm',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: production, path: '/' },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD,
      maxPasswordLength: MAX_PASSWORD,
      password: passwordHasher,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, token }) => {
        await sendAccountMail(
          db,
          user,
          'reset',
          `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`,
        )
      },
      onExistingUserSignUp: async ({ user }) => {
        await sendAccountMail(db, user, 'existing', `${appUrl()}/forgot-password`)
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, token }) => {
        await sendAccountMail(
          db,
          user,
          'verify',
          `${appUrl()}/verify-email?token=${encodeURIComponent(token)}`,
        )
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Everyone who signs up is an entrepreneur; other roles are granted by an admin.
          after: async (user) => {
            await db
              .insertInto('role_grants')
              .values({ user_id: user.id, role: 'entrepreneur', council_id: null })
              .onConflict((oc) => oc.doNothing())
              .execute()
          },
        },
      },
    },
  })
}

export type Auth = ReturnType<typeof createAuth>

const instances = new WeakMap<Kysely<Database>, Auth>()

/** One better-auth instance per database handle (tests open several). */
export function getAuth(db: Kysely<Database>): Auth {
  let auth = instances.get(db)
  if (!auth) {
    auth = createAuth(db)
    instances.set(db, auth)
  }
  return auth
}

async function sendAccountMail(
  db: Kysely<Database>,
  user: { email: string; name: string; locale?: unknown },
  kind: 'verify' | 'reset' | 'existing',
  url: string,
) {
  // better-auth hands us its user object; the locale column is authoritative.
  const row = await db.selectFrom('users').select('locale').where('email', '=', user.email).executeTakeFirst()
  const locale: Locale = isLocale(row?.locale) ? row.locale : isLocale(user.locale) ? user.locale : 'ru'
  const t = makeTranslator(locale)
  await sendMail(db, {
    to: user.email,
    locale,
    kind: kind === 'verify' ? 'verify_email' : kind === 'reset' ? 'reset_password' : 'existing_account',
    subject: t(`mail.${kind}.subject`),
    text: t(`mail.${kind}.text`, { name: user.name, url }),
  })
}
