import { expect, type Page, type Request, test } from '@playwright/test'

/** The zoom of the map's latest request to /api/v1/map (the map's own zoom, as the server saw it). */
function trackMapRequests(page: Page) {
  const zooms: number[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/v1/map') zooms.push(Number(url.searchParams.get('zoom')))
  })
  return zooms
}

async function resultCount(page: Page) {
  const text = (await page.locator('.result-count').textContent()) ?? ''
  return Number(text.replace(/\D/g, ''))
}

test('the map shows country shapes and clusters with no tile server; clusters zoom, points open, the area narrows the list', async ({
  page,
}, testInfo) => {
  const zooms = trackMapRequests(page)
  // No tile request may leave the page: MAP_TILE_URL=none for this server.
  const tileRequests: string[] = []
  page.on('request', (r) => {
    if (/\/\d+\/\d+\/\d+\.png/.test(r.url())) tileRequests.push(r.url())
  })
  const countries = page.waitForResponse((r) => r.url().endsWith('/map/countries.json') && r.ok())
  await page.goto('/')
  const total = await resultCount(page)
  expect(total).toBeGreaterThan(100)

  const map = page.getByRole('region', { name: /Карта компаний/ })
  await expect(map.locator('.leaflet-container')).toBeVisible()
  await countries
  // The offline base map: Natural Earth shapes drawn in their own pane under the (absent) tiles.
  await expect(map.locator('.leaflet-basemap-pane canvas')).toHaveCount(1)
  await expect(map.locator('.map-cluster').first()).toBeVisible()
  await expect(map.getByText('Natural Earth')).toBeVisible()

  // Clusters zoom in when clicked, until single points show.
  // At least one cluster click, then more until single points show.
  for (let i = 0; i < 12; i++) {
    if (i > 0 && (await map.locator('path.map-point').count()) > 0) break
    const before = zooms.at(-1) ?? 0
    const deeper = page.waitForResponse(
      (r) => r.url().includes('/api/v1/map') && Number(new URL(r.url()).searchParams.get('zoom')) > before,
    )
    await map.locator('.map-cluster').first().click()
    await deeper
    await page.waitForTimeout(500) // the zoom animation and the render
  }
  const point = map.locator('path.map-point').first()
  await expect(point).toBeVisible()
  await point.click({ force: true })
  const popup = map.locator('.leaflet-popup')
  await expect(popup).toBeVisible()
  const cardLink = popup.getByRole('link', { name: 'Открыть карточку' })
  await expect(cardLink).toHaveAttribute('href', /^\/businesses\/\d+$/)

  // "Search this area": the bbox goes into the URL and the list narrows to it.
  await page.getByRole('button', { name: 'Искать в этой области' }).click()
  await expect(page).toHaveURL(/[?&]bbox=-?\d/)
  await expect.poll(() => resultCount(page)).toBeLessThan(total)
  await expect(page.getByText('Показаны компании в выбранной области карты.')).toBeVisible()
  // Hovering a list item highlights its place on the map.
  await page.locator('.business-list > li').first().hover()
  await expect(map.locator('path.map-highlight')).toHaveCount(1)

  await testInfo.attach('map-offline', { body: await page.screenshot(), contentType: 'image/png' })
  expect(tileRequests).toEqual([])

  // "Whole map" drops the area again.
  await page.getByRole('button', { name: 'Вся карта' }).click()
  await expect(page).not.toHaveURL(/bbox=/)
  await expect.poll(() => resultCount(page)).toBe(total)
})

test('a business card shows its own small map', async ({ page }) => {
  await page.goto('/')
  await page.locator('.business-list > li').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/businesses\/\d+/)
  const map = page.getByRole('region', { name: 'Карта: местонахождение компании' })
  await expect(map.locator('.leaflet-container')).toBeVisible()
  await expect(map.locator('.map-pin')).toBeVisible()
})

test('the map API answers bad input with a 400 naming the parameter', async ({ request }) => {
  const response = await request.get('/api/v1/map?zoom=99')
  expect(response.status()).toBe(400)
  expect((await response.json()).error.param).toBe('zoom')
})

test.describe('with the default tile server unreachable', () => {
  test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` })

  test('failing tiles leave the offline map, not a grey box', async ({ page }, testInfo) => {
    let aborted = 0
    await page.route('https://tile.openstreetmap.org/**', (route) => {
      aborted++
      return route.abort('internetdisconnected')
    })
    await page.goto('/')
    const map = page.getByRole('region', { name: /Карта компаний/ })
    await expect(map.locator('.leaflet-container')).toBeVisible()
    await expect(map.locator('.leaflet-basemap-pane canvas')).toHaveCount(1)
    await expect(map.locator('.map-cluster').first()).toBeVisible()
    await expect(map.getByRole('status')).toHaveText('Подложка карты недоступна: показана офлайн-карта.')
    expect(aborted).toBeGreaterThan(0)
    // Failed tiles are hidden, so the shapes underneath show through.
    await expect(map.locator('img.leaflet-tile').first()).toBeHidden()
    await expect(map.getByText('OpenStreetMap')).toBeVisible()
    await testInfo.attach('map-tiles-unreachable', {
      body: await page.screenshot(),
      contentType: 'image/png',
    })
  })
})
