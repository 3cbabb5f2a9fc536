import leafletHref from 'leaflet/dist/leaflet.css?url'
import {
  data,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import { LocaleSwitch } from './components/locale-switch'
import { getLocale } from './modules/i18n/locale.server'
import { defaultLocale, isLocale } from './modules/i18n/locales'
import { makeTranslator } from './modules/i18n/translate'
import { tileConfig } from './modules/map/tiles.server'
import stylesHref from './styles/app.css?url'

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: leafletHref },
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: Route.LoaderArgs) {
  // The map's tile server reaches the browser here, so every page's map uses the same one.
  return data({ locale: await getLocale(request), mapTiles: tileConfig(process.env.MAP_TILE_URL) })
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData('root') as { locale?: unknown } | undefined
  const locale = isLocale(rootData?.locale) ? rootData.locale : defaultLocale
  const t = makeTranslator(locale)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
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
          <LocaleSwitch />
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">{t('footer.about')}</footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
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
  return (
    <div className="error-page">
      <h1>
        {notFound
          ? t('error.notFound.title')
          : badRequest
            ? t('error.badRequest.title')
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
