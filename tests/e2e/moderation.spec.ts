import { expect, type Page, test } from '@playwright/test'
import { signIn } from './support/sign-in'

test('Japan’s council publishes one listing and returns another; China’s council cannot touch Japan', async ({
  page,
  browser,
}) => {
  const reason = `Добавьте описание по-английски (${Date.now()})`
  await signIn(page, 'council-jp@demo.example.org')
  await page.getByRole('link', { name: 'Модерация' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Япония')
  const pendingBefore = Number(await page.locator('[data-count="pending"]').textContent())
  expect(pendingBefore).toBeGreaterThanOrEqual(6)

  // Return the demo entrepreneur's listing (the only one with an owner) with a reason.
  const owned = page
    .locator('table.moderation-queue tbody tr')
    .filter({ hasNotText: 'без владельца' })
    .first()
  const ownedId = await owned.getAttribute('data-id')
  await owned.getByRole('link').click()
  await expect(page.locator('.moderation-diff-intro')).toContainText('Новая компания')
  await page.getByRole('button', { name: 'Вернуть на доработку' }).click()
  await expect(page.getByText('Укажите причину возврата')).toBeVisible()
  await page.getByLabel('Причина возврата').fill(reason)
  await page.getByRole('button', { name: 'Вернуть на доработку' }).click()
  await expect(page.getByText('Готово: 1.')).toBeVisible()

  // Publish an imported listing; it is in search at once.
  const other = page.locator('table.moderation-queue tbody tr').filter({ hasText: 'без владельца' }).first()
  const otherId = await other.getAttribute('data-id')
  await other.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Проверка:')
  const name = (await page.getByRole('heading', { level: 1 }).textContent())?.replace(/^Проверка: /, '') ?? ''
  await page.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(page.getByText('Готово: 1.')).toBeVisible()
  await expect(page.locator('[data-count="pending"]')).toHaveText(String(pendingBefore - 2))
  await page.goto(`/?q=${encodeURIComponent(name)}`)
  await expect(page.locator(`a[href^="/businesses/${otherId}"]`).first()).toBeVisible()
  // …and on the map, through the same API the map component reads.
  const map = await page.request.get(`/api/v1/map?bbox=-180,-85,180,85&zoom=4&q=${encodeURIComponent(name)}`)
  const features = ((await map.json()) as { features: { properties: { cluster: boolean; id?: number } }[] })
    .features
  expect(features.some((f) => !f.properties.cluster && f.properties.id === Number(otherId))).toBe(true)
  // The history shows who did it.
  await page.goto(`/businesses/${otherId}/history`)
  await expect(page.locator('.history-list li').first()).toContainText('Опубликована')

  // The owner sees the reason, and the e-mail is in the outbox.
  const ownerContext = await browser.newContext()
  const owner = await ownerContext.newPage()
  await signIn(owner, 'entrepreneur@demo.example.org')
  await expect(owner.locator(`li[data-status="returned"]`).filter({ hasText: reason })).toBeVisible()
  await ownerContext.close()
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin@demo.example.org')
  await admin.goto('/admin/outbox')
  const mail = admin.locator('.outbox-item[data-kind="listing_returned"]').first()
  await expect(mail.locator('.outbox-to')).toHaveText('entrepreneur@demo.example.org')
  await expect(mail.locator('.outbox-body')).toContainText(reason)
  await adminContext.close()

  // China's coordinator: Japan's queue and listings are out of reach, also by crafted requests.
  const cnContext = await browser.newContext()
  const cn = await cnContext.newPage()
  await signIn(cn, 'council-cn@demo.example.org')
  await cn.goto('/moderation')
  await expect(cn.getByRole('heading', { level: 1 })).toContainText('Китай')
  await expect(cn.locator(`tr[data-id="${ownedId}"]`)).toHaveCount(0)
  const queue = await cn.goto('/moderation?country=JP')
  expect(queue?.status()).toBe(403)
  const pendingJp = page.locator('table.moderation-queue tbody tr').first()
  await page.goto('/moderation?country=JP')
  const targetId = await pendingJp.getAttribute('data-id')
  const look = await cn.goto(`/moderation/${targetId}`)
  expect(look?.status()).toBe(404)
  await expect(cn.getByText('не относится к вашей стране')).toBeVisible()
  // Same-origin, as the browser would send it: what is tested here is the permission check, not CSRF.
  const sameOrigin = { Origin: new URL(cn.url()).origin }
  const crafted = await cn.request.post(`/moderation/${targetId}`, {
    form: { intent: 'publish', version: '1' },
    headers: sameOrigin,
  })
  expect(crafted.status()).toBe(404)
  const bulk = await cn.request.post('/moderation?country=CN', {
    form: { intent: 'publish', ids: String(targetId) },
    headers: sameOrigin,
  })
  expect(bulk.status()).toBe(404)
  await cnContext.close()
  await page.reload()
  await expect(page.locator(`tr[data-id="${targetId}"]`)).toBeVisible()
})

test('an admin grants a council coordinator role and revokes it; both are in the audit log', async ({
  page,
}) => {
  await signIn(page, 'admin@demo.example.org')
  await page.getByRole('link', { name: 'Администрирование' }).click()
  await page.getByRole('link', { name: 'Пользователи и роли' }).click()
  await page.getByLabel('Эл. почта или имя').fill('chair@demo')
  await page.getByRole('button', { name: 'Найти' }).click()
  const user = page.locator('li[data-email="chair@demo.example.org"]')
  await user.getByLabel('Роль').selectOption('council_coordinator')
  await user.getByLabel('Совет (для координатора)').selectOption('KR')
  await user.getByRole('button', { name: 'Выдать роль' }).click()
  await expect(page.getByText('Сохранено.')).toBeVisible()
  const grant = page.locator('li[data-email="chair@demo.example.org"] li[data-role="council_coordinator"]')
  await expect(grant).toContainText('(KR)')
  await grant.getByRole('button', { name: 'Отозвать' }).click()
  await expect(grant).toHaveCount(0)
  await page.goto('/admin')
  await expect(page.locator('.admin-audit li').nth(0)).toHaveAttribute('data-action', 'revoked')
  await expect(page.locator('.admin-audit li').nth(1)).toHaveAttribute('data-action', 'granted')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a return without a reason is refused with a message; with one it goes through', async ({ page }) => {
    await signIn(page, 'council-jp@demo.example.org')
    await page.goto('/moderation')
    await page.locator('table.moderation-queue tbody tr a').last().click()
    await page.getByRole('button', { name: 'Вернуть на доработку' }).click()
    await expect(page.getByText('Укажите причину возврата: владелец её увидит.')).toBeVisible()
    await page.getByLabel('Причина возврата').fill('Нужен адрес')
    await page.getByRole('button', { name: 'Вернуть на доработку' }).click()
    await expect(page.getByText('Готово: 1.')).toBeVisible()
  })
})
