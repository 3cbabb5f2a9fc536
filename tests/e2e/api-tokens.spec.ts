import { expect, test } from '@playwright/test'

test('a working-group member creates an API token, reads the API and an export with it, and revokes it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto('/sign-in')
  await page.getByLabel('Эл. почта').fill('wg@demo.example.org')
  await page.getByLabel('Пароль').fill('demo-password')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/my\/listings/)

  await page.goto('/account')
  const section = page.getByRole('region', { name: 'Токены API' })
  await section.getByLabel('Название').fill('Сводка для отчёта')
  await section.getByLabel('Срок действия').selectOption('30')
  await section.getByRole('button', { name: 'Создать токен' }).click()
  await expect(section.getByText('Токен «Сводка для отчёта» создан')).toBeVisible()
  const token = await section.getByLabel('Новый токен').inputValue()
  expect(token).toMatch(/^cbm_/)
  await expect(section.getByRole('row', { name: /Сводка для отчёта/ })).toContainText('Действует')

  // A separate client with no cookies: only the token speaks for it.
  const api = await playwright.request.newContext({ baseURL })
  const auth = { Authorization: `Bearer ${token}` }
  const anonymous = await (await api.get('/api/v1/businesses?perPage=1')).json()
  const withToken = await api.get('/api/v1/businesses?perPage=1', { headers: auth })
  expect(withToken.status()).toBe(200)
  // The working group also finds pending and returned listings.
  expect((await withToken.json()).total).toBeGreaterThan(anonymous.total)
  const csv = await api.get('/export.csv?country=JP', { headers: auth })
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain('Статус')
  const post = await api.post('/account', { headers: auth, form: { intent: 'create-token', name: 'x' } })
  expect(post.status()).toBe(403)

  await page.reload()
  // Last used: no longer a dash.
  await expect(
    section
      .getByRole('row', { name: /Сводка для отчёта/ })
      .locator('td')
      .nth(3),
  ).not.toHaveText('—')
  await section.getByRole('button', { name: 'Отозвать токен «Сводка для отчёта»' }).click()
  await expect(section.getByText('Токен «Сводка для отчёта» отозван')).toBeVisible()
  await expect(section.getByRole('row', { name: /Сводка для отчёта/ })).toContainText('Отозван')

  const after = await api.get('/api/v1/businesses?perPage=1', { headers: auth })
  expect(after.status()).toBe(401)
  expect((await after.json()).error.code).toBe('token_revoked')
  await api.dispose()
})
