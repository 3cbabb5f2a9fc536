import { useId, useRef, useState } from 'react'
import { useRouteLoaderData } from 'react-router'
import type { Locale } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'

/** The iframe code for this search, as a council pastes it into its own site. */
export function embedCode(
  origin: string,
  query: URLSearchParams,
  locale: Locale,
  height: number,
  title: string,
) {
  const params = new URLSearchParams(query)
  params.delete('page')
  params.delete('sort')
  params.set('lang', locale)
  const src = `${origin}/embed?${params}`
  const escapedTitle = title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return `<iframe src="${src.replaceAll('&', '&amp;')}" title="${escapedTitle}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`
}

/**
 * "Put this map on your site": a disclosure (works without JavaScript) with the code for the
 * current search, its language and height, and a copy button once the page's script runs.
 */
export function EmbedCode({ query }: { query: URLSearchParams }) {
  const t = useT()
  const pageLocale = useLocale()
  const root = useRouteLoaderData('root') as { origin?: string } | undefined
  const [locale, setLocale] = useState<Locale>(pageLocale)
  const [height, setHeight] = useState(600)
  const [copied, setCopied] = useState(false)
  const codeRef = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const code = embedCode(root?.origin ?? '', query, locale, height, t('app.title'))
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code)
    } catch {
      // Without clipboard permission the code is selected for the visitor to copy by hand.
      codeRef.current?.select()
      document.execCommand?.('copy')
    }
    setCopied(true)
  }
  return (
    <details className="embed-code">
      <summary>{t('embed.open')}</summary>
      <p className="field-hint">{t('embed.help')}</p>
      <div className="embed-options">
        <label>
          {t('embed.language')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'ru')}>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('embed.height')}{' '}
          <input
            type="number"
            min={300}
            max={1600}
            step={50}
            value={height}
            onChange={(e) => setHeight(Math.min(1600, Math.max(300, Number(e.target.value) || 600)))}
          />
        </label>
      </div>
      <label htmlFor={id} className="visually-hidden">
        {t('embed.code')}
      </label>
      <textarea
        id={id}
        ref={codeRef}
        readOnly
        rows={3}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="embed-actions">
        <button type="button" onClick={copy}>
          {t('embed.copy')}
        </button>{' '}
        <span role="status">{copied ? t('embed.copied') : ''}</span>{' '}
        <a
          href={`/embed?${new URLSearchParams([...query.entries(), ['lang', locale]])}`}
          target="_blank"
          rel="noopener"
        >
          {t('embed.preview')}
        </a>
      </p>
    </details>
  )
}
