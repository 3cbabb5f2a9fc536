import { expect, test } from '@playwright/test'
import { signedIn } from './support/a11y'

test('the demo owner confirms a listing is current; the council sees what needs upkeep', async ({
  browser,
}) => {
  const owner = await signedIn(browser, 'entrepreneur@demo.example.org')
  await owner.goto('/my/listings')
  const dueCount = await owner.locator('form.confirm-current').count()
  expect(dueCount).toBeGreaterThan(0)
  const due = owner.locator('form.confirm-current').first()
  await expect(due).toContainText('Пора подтвердить, что данные актуальны')
  await due.getByRole('button', { name: 'Данные актуальны' }).click()
  await expect(owner.getByText(/Спасибо! Актуальность «.+» подтверждена\./)).toBeVisible()
  await expect(owner.locator('form.confirm-current')).toHaveCount(dueCount - 1)

  const council = await signedIn(browser, 'council-jp@demo.example.org')
  await council.getByRole('link', { name: 'Актуальность' }).click()
  await expect(council.getByRole('heading', { level: 1 })).toHaveText('Актуальность карточек')
  await expect(council.getByRole('heading', { name: /Проверки истекают в ближайшие 60 дней/ })).toBeVisible()
  const stale = council.getByRole('region', { name: /Устаревшие карточки/ })
  await expect(stale.locator('tbody tr').first()).toBeVisible()
  // Only Japan's listings: the country column says so on every row.
  for (const cell of await stale.locator('tbody tr td:nth-child(2)').all())
    await expect(cell).toHaveText('Япония')
  // A stale listing's card tells the council, not the public.
  const link = stale.locator('tbody tr a').first()
  const href = (await link.getAttribute('href')) as string
  await link.click()
  await expect(council.locator('.upkeep-stale')).toContainText('Владелец не подтверждал данные с')
  const visitor = await (await browser.newContext()).newPage()
  await visitor.goto(href)
  await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(visitor.locator('.upkeep-stale')).toHaveCount(0)
})
