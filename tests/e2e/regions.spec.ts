import { expect, test } from '@playwright/test'

test('a visitor opens the Russian regions, picks Primorsky Krai and sees only the businesses that name it', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Регионы России' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Регионы России')
  // Moscow and St Petersburg lead, then the Siberian and Far Eastern districts.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents()
  expect(headings[0]).toBe('Москва и Санкт-Петербург')
  expect(headings[1]).toMatch(/^Сибирский федеральный округ/)
  expect(headings[2]).toMatch(/^Дальневосточный федеральный округ/)
  await expect(page.locator('.region-item')).toHaveCount(89 + 2)

  const primorsky = page.locator('.region-district .region-item', { hasText: 'Приморский край' })
  const listed = Number(await primorsky.locator('.region-count').textContent())
  expect(listed).toBeGreaterThan(0)
  await testInfo.attach('regions', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
  await primorsky.getByRole('link').click()

  await expect(page).toHaveURL(/\/regions\/RU-PRI$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Приморский край')
  await expect(page.locator('.result-count')).toContainText(String(listed))
  await expect(page.getByRole('navigation', { name: 'Сводка по региону' })).toBeVisible()

  // Every business on the page names the region: the API agrees on the set, and each card says so.
  const api = await request.get('/api/v1/businesses?region=RU-PRI&perPage=100')
  const body = (await api.json()) as { total: number; hits: { id: number }[] }
  expect(body.total).toBe(listed)
  const shown = await page
    .locator('.business-list > li h2 a')
    .evaluateAll((links) =>
      links.map((a) => Number(new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]?.split('-')[0])),
    )
  const expected = new Set(body.hits.map((h) => h.id))
  for (const id of shown) expect(expected.has(id)).toBe(true)
  await page.locator('.business-list > li h2 a').first().click()
  // The region page names the region too: wait for the card itself before reading it.
  await expect(page).toHaveURL(/\/businesses\/\d+/)
  await expect(page.locator('.business-card').getByText('Приморский край').first()).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL(/\/regions\/RU-PRI$/)

  // Narrowing by country keeps the region; the export link carries both.
  const firstCountry = page.locator('.region-summary section').first().getByRole('link').first()
  await firstCountry.click()
  await expect(page).toHaveURL(/\/regions\/RU-PRI\?country=[A-Z]{2}$/)
  await expect(page.getByRole('link', { name: 'CSV', exact: true })).toHaveAttribute('href', /region=RU-PRI/)
  await testInfo.attach('region page', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
