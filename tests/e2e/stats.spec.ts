import { expect, test } from '@playwright/test'

test('a visitor reads the statistics: tables, charts and the choropleth of the region', async ({
  page,
}, testInfo) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Статистика' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Статистика')
  await expect(page.getByText(/Всего опубликовано: \d/)).toBeVisible()
  const byCountry = page.getByRole('table').first()
  await expect(byCountry.getByRole('rowheader', { name: 'Япония' })).toBeVisible()
  // The public summary has no moderation pipeline.
  await expect(page.getByRole('columnheader', { name: 'На модерации' })).toHaveCount(0)
  await expect(page.locator('.choropleth path.leaflet-interactive').first()).toBeVisible()
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await testInfo.attach('statistics', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
})
