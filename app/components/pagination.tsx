import { Link, useLocation } from 'react-router'
import { useT } from '~/modules/i18n/use-translation'

function pageHref(search: string, page: number) {
  const params = new URLSearchParams(search)
  if (page <= 1) params.delete('page')
  else params.set('page', String(page))
  const qs = params.toString()
  return qs ? `?${qs}` : '?'
}

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT()
  const { search } = useLocation()
  if (pages <= 1) return null
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={pageHref(search, page - 1)} rel="prev">
          {t('pagination.prev')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>{t('pagination.page', { page, pages })}</span>
      {page < pages ? (
        <Link to={pageHref(search, page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  )
}
