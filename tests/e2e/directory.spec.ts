import { expect, test } from '@playwright/test'

test('a visitor browses the directory, switches to English and opens a card', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Карта российского бизнеса/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Компании соотечественников')
  const items = page.locator('.business-list > li')
  await expect(items).toHaveCount(20)
  await expect(page.locator('.result-count')).toContainText(/\d[\d\s ]* компани/)

  await page.getByRole('button', { name: 'Switch to English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compatriot businesses')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // The choice sticks across navigation (cookie).
  await page.getByRole('link', { name: 'Next →' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compatriot businesses')

  const first = page.locator('.business-list > li').first().getByRole('link')
  const name = (await first.textContent()) ?? ''
  await first.click()
  await expect(page).toHaveURL(/\/businesses\/\d+/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible()
  await expect(page.getByRole('link', { name: '← Back to list' })).toBeVisible()
})

test('a search narrows the list and keeps the query in the URL', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('combobox', { name: /Поиск по названию/ }).fill('Logistics')
  await page.getByRole('button', { name: 'Найти' }).click()
  await expect(page).toHaveURL(/q=Logistics/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Logistics')
  await expect(page.locator('.business-list > li').first()).toBeVisible()
})

test('an unknown card and a bad page number get clear messages', async ({ page }) => {
  const missing = await page.goto('/businesses/99999999')
  expect(missing?.status()).toBe(404)
  await expect(page.getByText('Компания не найдена или ещё не опубликована.')).toBeVisible()

  const bad = await page.goto('/?q=abc&page=-3')
  expect(bad?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('Номер страницы')
  await expect(page.getByRole('combobox', { name: /Поиск по названию/ })).toHaveValue('abc')
})
