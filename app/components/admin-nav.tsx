import { NavLink } from 'react-router'
import { useT } from '~/modules/i18n/use-translation'

export function AdminNav() {
  const t = useT()
  return (
    <nav className="admin-nav" aria-label={t('admin.title')}>
      <NavLink to="/admin" end>
        {t('admin.title')}
      </NavLink>{' '}
      · <NavLink to="/admin/users">{t('admin.nav.users')}</NavLink> ·{' '}
      <NavLink to="/admin/councils">{t('admin.nav.councils')}</NavLink> ·{' '}
      <NavLink to="/admin/countries">{t('admin.nav.countries')}</NavLink> ·{' '}
      <NavLink to="/admin/sectors">{t('admin.nav.sectors')}</NavLink> ·{' '}
      <NavLink to="/admin/outbox">{t('admin.nav.outbox')}</NavLink> ·{' '}
      <NavLink to="/admin/settings">{t('admin.nav.settings')}</NavLink>
    </nav>
  )
}
