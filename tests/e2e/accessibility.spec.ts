import { expect, type Page, test } from '@playwright/test'
import { seriousViolations, signedIn } from './support/a11y'

// Axe takes seconds a page on a busy machine; each test checks several pages.
test.describe.configure({ timeout: 180_000 })

/**
 * Axe on every main page: no serious or critical violations. Each page is checked with
 * expect.soft so one run lists every page that fails, not just the first.
 */
async function check(page: Page, what: string) {
  expect.soft(await seriousViolations(page), what).toEqual([])
}

/** The map has loaded (Leaflet's container with its controls), not just its placeholder. */
async function mapReady(page: Page) {
  await expect(page.locator('.leaflet-container').first()).toBeVisible()
  await expect(page.locator('.leaflet-control-zoom-in').first()).toBeVisible()
}

test('home: the map, a search with results, a chosen filter with a facet list open, a card', async ({
  page,
}) => {
  await page.goto('/')
  await mapReady(page)
  await check(page, 'home with the map')

  await page.goto('/?q=%D0%BA%D0%B0%D0%BC%D1%87%D0%B0%D1%82%D0%BA%D0%B0')
  await expect(page.locator('.business-list > li').first()).toBeVisible()
  await mapReady(page)
  await check(page, 'search with results')

  await page.goto('/')
  const country = page.getByRole('group', { name: 'Страна' })
  await country.getByRole('checkbox').first().check()
  await expect(page).toHaveURL(/country=/)
  await country.locator('summary').click()
  await expect(country.locator('details')).toHaveAttribute('open', '')
  await check(page, 'search with a filter chosen and a facet list open')

  const card = await page.locator('.business-list > li h2 a').first().getAttribute('href')
  await page.goto(card ?? '/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await check(page, 'a listing card')
})

test('visitor pages: sign-in, sign-up, forgot password, statistics, 404', async ({ page }) => {
  for (const path of ['/sign-in', '/sign-up', '/forgot-password', '/stats']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    if (path === '/stats') await expect(page.locator('.recharts-surface').first()).toBeVisible()
    await check(page, path)
  }
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await check(page, 'the 404 page')
})

test('the home page in English', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await mapReady(page)
  await check(page, 'home in en')
})

test('entrepreneur pages: account, my listings, the listing editor (new and edit)', async ({ browser }) => {
  const page = await signedIn(browser, 'entrepreneur@demo.example.org')
  await page.goto('/account')
  await check(page, '/account')
  await page.goto('/my/listings')
  await check(page, '/my/listings')
  const edit = await page.locator('a[href^="/my/listings/"]:not([href$="/new"])').first().getAttribute('href')
  await page.goto('/my/listings/new')
  await mapReady(page)
  await check(page, 'listing editor (new)')
  await page.goto(edit ?? '/my/listings')
  await mapReady(page)
  await check(page, 'listing editor (edit)')
  await page.context().close()
})

test('council pages: moderation queue and review, import and its report, forums, nomination form and page', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'council-cn@demo.example.org')
  await page.goto('/moderation')
  await check(page, 'moderation queue')
  const review = await page.locator('table.moderation-queue tbody tr a').first().getAttribute('href')
  await page.goto(review ?? '/moderation')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Проверка:')
  await check(page, 'moderation review')

  await page.goto('/moderation/import')
  await check(page, 'import page')
  const csv = 'name_ru,city,country\nТест доступности,Пекин,CN\n,Шанхай,CN\n'
  await page.getByLabel('Файл CSV или XLSX').setInputFiles({
    name: 'a11y.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.getByRole('button', { name: 'Проверить файл' }).click()
  await expect(page).toHaveURL(/\/moderation\/import\/\d+$/)
  await check(page, 'import report')

  await page.goto('/forums')
  await check(page, 'forums list')
  await page.locator('.forum-list a').first().click()
  await expect(page).toHaveURL(/\/forums\/\d+$/)
  const forumUrl = page.url()
  await check(page, 'a forum')
  await page.goto(`${forumUrl}/nominations/new`)
  await check(page, 'nomination form')
  await page.getByRole('radio').first().check()
  await page.getByLabel('Имя кандидата *').fill('Проверка Доступности')
  await page.getByRole('button', { name: 'Сохранить черновик' }).click()
  await expect(page.getByTestId('nomination-status')).toHaveText('Черновик')
  await check(page, 'nomination page')
  await page.context().close()
})

test('admin pages', async ({ browser }) => {
  const page = await signedIn(browser, 'admin@demo.example.org')
  for (const path of [
    '/admin',
    '/admin/users',
    '/admin/councils',
    '/admin/countries',
    '/admin/sectors',
    '/admin/outbox',
  ]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await check(page, path)
  }
  await page.context().close()
})
