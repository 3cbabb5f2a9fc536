import leafletHref from 'leaflet/dist/leaflet.css?url'
import {
  data,
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
} from 'react-router'
import { getDb } from '#db/client.server'
import type { Route } from './+types/root'
import { LocaleSwitch } from './components/locale-switch'
import { getCurrentUser, hasRole } from './modules/accounts/guard.server'
import { useNonce } from './modules/http/nonce'
import { getLocale } from './modules/i18n/locale.server'
import { defaultLocale, isLocale } from './modules/i18n/locales'
import { makeTranslator } from './modules/i18n/translate'
import { tileConfig } from './modules/map/tiles.server'
import { siteUrl } from './modules/seo/site-url.server'
import stylesHref from './styles/app.css?url'

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: leafletHref },
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** The title for pages without their own (and for error pages): what went wrong, then the app's name. */
export function meta({ data, error }: Route.MetaArgs) {
  const t = makeTranslator(isLocale(data?.locale) ? data.locale : defaultLocale)
  if (!error) return [{ title: t('app.title') }]
  const status = isRouteErrorResponse(error) ? error.status : 500
  const what =
    status === 404
      ? t('error.notFound.title')
      : status === 400
        ? t('error.badRequest.title')
        : status === 403
          ? t('error.forbidden.title')
          : t('error.generic.title')
  return [{ title: `${what} — ${t('app.title')}` }]
}

export type HeaderUser = {
  name: string
  isAdmin: boolean
  isModerator: boolean
  forum: boolean
  upkeep: boolean
}

export async function loader({ request }: Route.LoaderArgs) {
  const current = await getCurrentUser(await getDb(), request)
  const user: HeaderUser | null = current
    ? {
        name: current.name,
        isAdmin: hasRole(current, 'admin'),
        isModerator: hasRole(current, 'council_coordinator', 'admin'),
        forum: hasRole(current, 'council_coordinator', 'wg_member', 'wg_chair'),
        upkeep: hasRole(current, 'council_coordinator', 'wg_member', 'wg_chair', 'admin'),
      }
    : null
  // The map's tile server reaches the browser here, so every page's map uses the same one.
  return data({
    locale: await getLocale(request),
    user,
    mapTiles: tileConfig(process.env.MAP_TILE_URL),
    // Absolute links the browser hands to other sites (the embed code).
    origin: siteUrl(request),
  })
}

function UserMenu({ user, t }: { user: HeaderUser | null; t: ReturnType<typeof makeTranslator> }) {
  return (
    <nav className="user-menu" aria-label={t('nav.userMenu')}>
      <Link to="/regions">{t('nav.regions')}</Link>
      <Link to="/stats">{t('nav.stats')}</Link>
      {user ? (
        <>
          <Link to="/my/listings">{t('nav.myListings')}</Link>
          <Link to="/my/searches">{t('nav.mySearches')}</Link>
          {user.forum ? <Link to="/forums">{t('nav.forum')}</Link> : null}
          <Link to="/account" title={user.name}>
            {t('nav.account')}
          </Link>
          {user.isModerator ? <Link to="/moderation">{t('nav.moderation')}</Link> : null}
          {user.upkeep ? <Link to="/upkeep">{t('nav.upkeep')}</Link> : null}
          {user.isAdmin ? <Link to="/admin">{t('nav.admin')}</Link> : null}
          <Form method="post" action="/sign-out" reloadDocument className="inline-form">
            <button type="submit" className="link-button">
              {t('nav.signOut')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <Link to="/sign-in">{t('nav.signIn')}</Link>
          <Link to="/sign-up">{t('nav.signUp')}</Link>
        </>
      )}
    </nav>
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData('root') as { locale?: unknown; user?: HeaderUser | null } | undefined
  const locale = isLocale(rootData?.locale) ? rootData.locale : defaultLocale
  const t = makeTranslator(locale)
  const nonce = useNonce()
  // A page made to sit in another site's iframe (/embed) goes without our header and footer.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className={bare ? 'bare' : undefined}>
        {bare ? (
          <main id="main">{children}</main>
        ) : (
          <SiteChrome user={rootData?.user ?? null} t={t}>
            {children}
          </SiteChrome>
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function SiteChrome({
  user,
  t,
  children,
}: {
  user: HeaderUser | null
  t: ReturnType<typeof makeTranslator>
  children: React.ReactNode
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          <span>
            <span className="brand-title">{t('app.title')}</span>
            <span className="brand-subtitle">{t('app.subtitle')}</span>
          </span>
        </Link>
        <div className="header-tools">
          <UserMenu user={user} t={t} />
          <LocaleSwitch />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">{t('footer.about')}</footer>
    </>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const rootData = useRouteLoaderData('root') as { locale?: unknown } | undefined
  const t = makeTranslator(isLocale(rootData?.locale) ? rootData.locale : defaultLocale)
  const notFound = isRouteErrorResponse(error) && error.status === 404
  const badRequest = isRouteErrorResponse(error) && error.status === 400
  const forbidden = isRouteErrorResponse(error) && error.status === 403
  return (
    <div className="error-page">
      <h1>
        {notFound
          ? t('error.notFound.title')
          : badRequest
            ? t('error.badRequest.title')
            : forbidden
              ? t('error.forbidden.title')
              : t('error.generic.title')}
      </h1>
      <p>
        {isRouteErrorResponse(error) && typeof error.data === 'string'
          ? error.data
          : notFound
            ? t('error.notFound.text')
            : t('error.generic.text')}
      </p>
      <p>
        <Link to="/">{t('error.home')}</Link>
      </p>
    </div>
  )
}
