import { expect, type Page } from '@playwright/test'

/** Every demo account's password (scripts/lib/demo). */
export const DEMO_PASSWORD = 'demo-password'

/** Signs a demo account in on this page (Russian form); sign-in lands on "My listings". */
export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/my\/listings/)
}
