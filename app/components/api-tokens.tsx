import { useState } from 'react'
import { Form } from 'react-router'
import type { Locale } from '~/modules/i18n/locales'
import type { Translator } from '~/modules/i18n/translate'
import { FormField, FormNotice } from './form-field'
import { LocalTime } from './local-time'

export type ApiTokenRow = {
  id: number
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  state: 'active' | 'revoked' | 'expired'
}

type Props = {
  t: Translator
  locale: Locale
  tokens: ApiTokenRow[]
  created: { name: string; token: string } | null
  message: { kind: 'ok' | 'error'; text: string } | null
  errors: Record<string, string | undefined>
  values: Record<string, string | undefined>
}

/** The account page's API tokens: the list with revoke buttons, the create form, a new token once. */
export function ApiTokens({ t, locale, tokens, created, message, errors, values }: Props) {
  return (
    <section aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title">{t('apiToken.title')}</h2>
      <p>{t('apiToken.intro')}</p>
      {message ? <FormNotice kind={message.kind}>{message.text}</FormNotice> : null}
      {created ? <NewToken t={t} token={created.token} /> : null}
      {tokens.length === 0 ? (
        <p>{t('apiToken.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('apiToken.col.name')}</th>
                <th scope="col">{t('apiToken.col.prefix')}</th>
                <th scope="col">{t('apiToken.col.created')}</th>
                <th scope="col">{t('apiToken.col.lastUsed')}</th>
                <th scope="col">{t('apiToken.col.expires')}</th>
                <th scope="col">{t('apiToken.col.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('apiToken.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} data-token-id={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>
                    <LocalTime iso={token.createdAt} locale={locale} />
                  </td>
                  <td>
                    {token.lastUsedAt ? (
                      <LocalTime iso={token.lastUsedAt} locale={locale} />
                    ) : (
                      t('apiToken.never')
                    )}
                  </td>
                  <td>
                    {token.expiresAt ? (
                      <LocalTime iso={token.expiresAt} locale={locale} />
                    ) : (
                      t('apiToken.never')
                    )}
                  </td>
                  <td>{t(`apiToken.state.${token.state}`)}</td>
                  <td>
                    {token.state === 'active' ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" aria-label={t('apiToken.revokeLabel', { name: token.name })}>
                          {t('apiToken.revoke')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="intent" value="create-token" />
        <FormField
          name="name"
          label={t('apiToken.name')}
          hint={t('apiToken.nameHint')}
          defaultValue={values.name}
          error={errors.name}
          required
        />
        <div className="field">
          <label htmlFor="f-expiresInDays">{t('apiToken.expiry')}</label>
          <select
            id="f-expiresInDays"
            name="expiresInDays"
            defaultValue={values.expiresInDays ?? ''}
            aria-invalid={errors.expiresInDays ? true : undefined}
            aria-describedby={errors.expiresInDays ? 'f-expiresInDays-error' : undefined}
          >
            <option value="">{t('apiToken.expiry.never')}</option>
            <option value="30">{t('apiToken.expiry.30')}</option>
            <option value="90">{t('apiToken.expiry.90')}</option>
            <option value="365">{t('apiToken.expiry.365')}</option>
          </select>
          {errors.expiresInDays ? (
            <p id="f-expiresInDays-error" className="field-error">
              {errors.expiresInDays}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('apiToken.create')}</button>
      </Form>
    </section>
  )
}

function NewToken({ t, token }: { t: Translator; token: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="field new-token">
      <label htmlFor="new-api-token">{t('apiToken.value')}</label>
      <input id="new-api-token" readOnly value={token} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        onClick={() => {
          navigator.clipboard?.writeText(token).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
      >
        {copied ? t('apiToken.copied') : t('apiToken.copy')}
      </button>
    </div>
  )
}
