import { expect, type Page, test } from '@playwright/test'

async function listState(page: Page) {
  return {
    count: await page.locator('.result-count').textContent(),
    names: await page.locator('.business-list > li h2 a').allTextContents(),
  }
}

test('a typo in Cyrillic still finds, two facets narrow, and the URL brings the same page back', async ({
  page,
}) => {
  await page.goto('/')
  const box = page.getByRole('combobox', { name: /Поиск по названию/ })
  await box.fill('Камчадка')
  await box.press('Enter')
  await expect(page).toHaveURL(/q=%D0%9A%D0%B0%D0%BC%D1%87%D0%B0%D0%B4%D0%BA%D0%B0/)
  await expect(page.locator('.search-corrected')).toContainText('камчатка')
  await expect(page.locator('.business-list > li').first()).toContainText('Камчатка')

  const country = page.getByRole('group', { name: 'Страна' }).getByRole('checkbox').first()
  await country.check()
  await expect(page).toHaveURL(/country=[A-Z]{2}/)
  const sector = page.getByRole('group', { name: 'Отрасль' }).getByRole('checkbox').first()
  await sector.check()
  await expect(page).toHaveURL(/sector=[A-Z]/)
  await expect(page.locator('.filter-chips .chip')).toHaveCount(2)
  await expect(
    page.getByRole('group', { name: 'Страна' }).getByRole('checkbox', { checked: true }),
  ).toHaveCount(1)

  const url = page.url()
  const before = await listState(page)
  expect(before.names.length).toBeGreaterThan(0)
  await page.reload()
  expect(page.url()).toBe(url)
  expect(await listState(page)).toEqual(before)
  await expect(
    page.getByRole('group', { name: 'Отрасль' }).getByRole('checkbox', { checked: true }),
  ).toHaveCount(1)

  // Back removes the last filter; a chip removes one filter.
  await page.goBack()
  await expect(page).not.toHaveURL(/sector=/)
  await expect(page).toHaveURL(/country=/)
  await page.goForward()
  await expect(page).toHaveURL(/sector=/)
  await page.locator('.filter-chips .chip').first().click()
  await expect(page.locator('.filter-chips .chip')).toHaveCount(1)
})

test('suggestions appear while typing', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('combobox', { name: /Поиск по названию/ }).pressSequentially('Байк', { delay: 50 })
  await expect(page.locator('datalist option').first()).toHaveAttribute('value', /Байкал/)
})

test('an empty result says what to change', async ({ page }) => {
  await page.goto('/?q=zzzqqxx&verified=1')
  await expect(page.getByRole('heading', { name: 'Ничего не найдено' })).toBeVisible()
  await page.getByRole('link', { name: 'Искать «zzzqqxx» без фильтров' }).click()
  await expect(page).toHaveURL(/\?q=zzzqqxx$/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same search works as a plain form', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('combobox', { name: /Поиск по названию/ }).fill('Камчадка')
    await page.getByRole('button', { name: 'Найти' }).click()
    await expect(page.locator('.search-corrected')).toContainText('камчатка')
    await page.getByRole('group', { name: 'Страна' }).getByRole('checkbox').first().check()
    await page.getByRole('group', { name: 'Отрасль' }).getByRole('checkbox').first().check()
    await page.getByRole('button', { name: 'Применить' }).click()
    await expect(page).toHaveURL(/country=[A-Z]{2}/)
    await expect(page).toHaveURL(/sector=[A-Z]/)
    await expect(page.locator('.filter-chips .chip')).toHaveCount(2)
    const before = await listState(page)
    await page.reload()
    expect(await listState(page)).toEqual(before)
  })
})
