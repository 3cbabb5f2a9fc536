import type { DuplicateView } from '~/modules/duplicates/view'
import { useT } from '~/modules/i18n/use-translation'

/**
 * "This may already be listed": the candidates with links, and the one tick that lets the
 * entrepreneur submit anyway (it may be a different business). Plain HTML: works without JavaScript.
 */
export function DuplicateWarning({ candidates }: { candidates: DuplicateView[] }) {
  const t = useT()
  if (candidates.length === 0) return null
  return (
    <div className="notice notice-warning duplicate-warning" role="alert" data-testid="duplicate-warning">
      <p>
        <strong>{t('duplicates.warning')}</strong>
      </p>
      <ul>
        {candidates.map((c) => (
          <li key={c.id}>
            <a href={`/businesses/${c.id}`} target="_blank" rel="noreferrer">
              {c.names}
            </a>
            {c.city ? `, ${c.city}` : ''}
            {c.metres !== null ? ` (${t('duplicates.metres', { m: c.metres })})` : ''}
          </li>
        ))}
      </ul>
      <p className="field-hint">{t('duplicates.warningHint')}</p>
      <label>
        <input type="checkbox" name="notDuplicate" value="on" /> {t('duplicates.notDuplicate')}
      </label>
    </div>
  )
}
