import type { FieldMetadata } from '@conform-to/react'
import { useId, useState } from 'react'
import { MAX_TRADE_CODES, type TaxonomySection, taxonomy } from '~/modules/businesses/taxonomy'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { useHydrated } from './map/client-only'

const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е')

/** Which sections and divisions a filter text shows (all of a section whose name matches). */
function visibleCodes(query: string): Set<string> | null {
  const q = fold(query.trim())
  if (!q) return null
  const out = new Set<string>()
  const hit = (c: { code: string; nameRu: string; nameEn: string }) =>
    fold(c.code) === q || fold(c.nameRu).includes(q) || fold(c.nameEn).includes(q)
  for (const s of taxonomy) {
    const whole = hit(s) || fold(s.titleRu).includes(q) || fold(s.titleEn).includes(q)
    for (const d of s.divisions) if (whole || hit(d)) out.add(d.code)
    if (whole || s.divisions.some((d) => out.has(d.code))) out.add(s.code)
  }
  return out
}

/**
 * One list of taxonomy codes (what a listing offers or seeks): plain checkboxes grouped by section in
 * <details>, so it works with JavaScript off and from the keyboard (Tab, Space; Enter opens a group).
 * With JavaScript a filter box narrows the list and a live counter shows how many are chosen.
 * A section's first box ("whole section") stores the section letter, the others a division code.
 */
export function TradePicker({
  field,
  legend,
}: {
  field: FieldMetadata<string[] | undefined>
  legend: string
}) {
  const t = useT()
  const locale = useLocale()
  const hydrated = useHydrated()
  const id = useId()
  const initial = toArray(field.initialValue)
  const [chosen, setChosen] = useState<string[]>(initial)
  const [query, setQuery] = useState('')
  const visible = visibleCodes(query)
  const label = (c: { nameRu: string; nameEn: string }) => (locale === 'ru' ? c.nameRu : c.nameEn)
  const over = chosen.length > MAX_TRADE_CODES
  const describedBy = [`${id}-hint`, field.errors?.length ? field.errorId : null].filter(Boolean).join(' ')

  const section = (s: TaxonomySection) => {
    const count = chosen.filter((c) => c === s.code || s.divisions.some((d) => d.code === c)).length
    const shown = visible === null || visible.has(s.code)
    return (
      <details
        key={s.code}
        hidden={!shown}
        open={
          visible !== null
            ? shown
            : initial.some((c) => c === s.code || s.divisions.some((d) => d.code === c))
        }
      >
        <summary title={locale === 'ru' ? s.titleRu : s.titleEn}>
          {s.code} · {label(s)}
          {count > 0 ? <span className="trade-count"> ({count})</span> : null}
        </summary>
        <div className="choice-grid">
          <label>
            <input
              type="checkbox"
              name={field.name}
              value={s.code}
              defaultChecked={initial.includes(s.code)}
            />{' '}
            {t('editor.tradeWholeSection')}
          </label>
          {s.divisions.map((d) => (
            <label key={d.code} hidden={visible !== null && !visible.has(d.code)}>
              <input
                type="checkbox"
                name={field.name}
                value={d.code}
                defaultChecked={initial.includes(d.code)}
              />{' '}
              <span>
                <span className="trade-code">{d.code}</span> {label(d)}
              </span>
            </label>
          ))}
        </div>
      </details>
    )
  }

  return (
    <fieldset
      className="field trade-picker"
      aria-describedby={describedBy}
      onChange={(e) => {
        const input = e.target as unknown as HTMLInputElement
        if (input.name !== field.name || input.type !== 'checkbox') return
        setChosen((list) =>
          input.checked
            ? [...list.filter((c) => c !== input.value), input.value]
            : list.filter((c) => c !== input.value),
        )
      }}
    >
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('editor.tradeHint', { max: MAX_TRADE_CODES })}
      </p>
      {hydrated ? (
        <div className="trade-filter">
          <label htmlFor={`${id}-filter`}>{t('editor.tradeFilter')}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            placeholder={t('editor.tradeFilterPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            // Enter in the filter must not submit the whole listing.
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault()
            }}
            autoComplete="off"
          />
          <p className={over ? 'field-hint counter-over' : 'field-hint'} aria-live="polite">
            {t('editor.tradeSelected', { n: chosen.length, max: MAX_TRADE_CODES })}
            {visible !== null && visible.size === 0 ? ` ${t('editor.tradeNoMatch')}` : ''}
          </p>
        </div>
      ) : null}
      <div className="trade-sections">{taxonomy.map(section)}</div>
      {field.errors?.length ? (
        <p id={field.errorId} className="field-error">
          {field.errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  )
}

function toArray(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
}
