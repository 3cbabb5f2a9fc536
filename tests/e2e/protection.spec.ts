import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { importRows, toCsv } from '../../scripts/lib/import-sample'
import { signIn } from './support/sign-in'

const TILE_PORT = Number(process.env.E2E_PORT ?? 3100) + 1

/**
 * Every CSP violation the browser reports on any page of the context: the DOM event (which names the
 * directive) and the console line Chromium prints, so neither a blocked script nor a blocked style slips by.
 */
async function watchCsp(context: BrowserContext) {
  const violations: string[] = []
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation
      report(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  return violations
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle')
}

test('the main pages run under the strict CSP without a single violation: map, search, card, charts, forms, import upload', async ({
  browser,
}) => {
  const context = await browser.newContext()
  const violations = await watchCsp(context)
  const page = await context.newPage()

  // A visitor: the map and list, a search with suggestions, a card with its map, the statistics.
  await page.goto('/')
  await expect(page.locator('.leaflet-container').first()).toBeVisible()
  await expect(page.locator('.map-cluster').first()).toBeVisible()
  await page.getByLabel(/Поиск по названию/).pressSequentially('Токио', { delay: 30 })
  await page.getByRole('button', { name: 'Найти' }).click()
  await settle(page)
  await page.goto('/')
  await page.locator('.business-list a[href^="/businesses/"], a[href^="/businesses/"]').first().click()
  await expect(page).toHaveURL(/\/businesses\/\d+$/)
  await settle(page)
  await page.goto('/stats')
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await expect(page.locator('.choropleth path.leaflet-interactive').first()).toBeVisible()
  for (const path of ['/sign-up', '/forgot-password', '/forums']) {
    await page.goto(path)
    await settle(page)
  }

  // An entrepreneur's listing form (with its point-picking map); a council's import with upload progress.
  await signIn(page, 'entrepreneur@demo.example.org')
  await page.goto('/my/listings/new')
  await settle(page)
  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn(page, 'council-jp@demo.example.org')
  await page.goto('/moderation')
  await settle(page)
  await page.goto('/moderation/import')
  const { rows } = importRows(20, `csp-${Date.now()}`)
  await page
    .getByLabel('Файл CSV или XLSX')
    .setInputFiles({ name: 'csp.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) })
  await page.getByRole('button', { name: 'Проверить файл' }).click()
  await expect(page).toHaveURL(/\/moderation\/import\/\d+$/)
  await settle(page)

  expect(violations).toEqual([])
  await context.close()
})

test('the map loads its tiles from the configured tile server under the CSP', async ({ browser }) => {
  const context = await browser.newContext()
  const violations = await watchCsp(context)
  const page = await context.newPage()
  let tiles = 0
  // The tile server is not reachable from here: answer its requests with an empty image instead.
  await page.route('https://tile.openstreetmap.org/**', (route) => {
    tiles++
    return route.fulfill({
      contentType: 'image/png',
      body: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      ),
    })
  })
  await page.goto(`http://127.0.0.1:${TILE_PORT}/`)
  await expect(page.locator('img.leaflet-tile').first()).toBeVisible()
  expect(tiles).toBeGreaterThan(0)
  const csp = (await page.request.get(`http://127.0.0.1:${TILE_PORT}/`)).headers()['content-security-policy']
  expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org")
  expect(violations).toEqual([])
  await context.close()
})

test('responses carry the security headers, a fresh nonce on every inline script, and the request id', async ({
  request,
}) => {
  const response = await request.get('/', { headers: { 'X-Request-Id': 'e2e-request-0001' } })
  const headers = response.headers()
  expect(headers['x-request-id']).toBe('e2e-request-0001')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
  // Not production here: no HSTS on plain http.
  expect(headers['strict-transport-security']).toBeUndefined()
  const csp = headers['content-security-policy'] ?? ''
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  expect(csp).not.toContain('unsafe-inline')
  const html = await response.text()
  const scripts = html.match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  const again = (await request.get('/')).headers()['content-security-policy']
  expect(again).not.toBe(csp)
})

test('a cross-site POST riding on a session cookie is refused with 403 and changes nothing; our own form works', async ({
  page,
}) => {
  await signIn(page, 'entrepreneur@demo.example.org')
  const forged = await page.request.post('/sign-out', {
    headers: { Origin: 'https://evil.example', Accept: 'text/html' },
    form: {},
  })
  expect(forged.status()).toBe(403)
  expect(await forged.text()).toContain('Запрос отклонён: он отправлен с другого сайта')
  // Still signed in.
  await page.goto('/my/listings')
  await expect(page).toHaveURL(/\/my\/listings$/)
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()
  // The site's own sign-out form goes through.
  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible()
})
