import { type Browser, expect, type Page, test } from '@playwright/test'

const password = 'demo-password'

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' })
  const page = await context.newPage()
  await page.goto('/sign-in')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(password)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).not.toHaveURL(/sign-in/)
  return page
}

async function openForum(page: Page) {
  await page.goto('/')
  await page.getByRole('link', { name: 'Форум', exact: true }).click()
  await page.locator('.forum-list a').first().click()
  await expect(page).toHaveURL(/\/forums\/\d+$/)
  return page.url()
}

async function nominate(page: Page, forumUrl: string, index: number, name: string) {
  await page.goto(`${forumUrl}/nominations/new`)
  await page.getByRole('radio').nth(index).check()
  await page.getByLabel('Имя кандидата *').fill(name)
  await page.getByLabel('Телефон').fill('+81 3 1234 5678')
  await page.getByLabel('Обоснование (рус.)').fill(`Обоснование для ${name}`)
  await page.getByRole('button', { name: 'Сохранить черновик' }).click()
  await expect(page.getByTestId('nomination-status')).toHaveText('Черновик')
  return page.url()
}

test('the Japan council nominates within its quota, the working group reviews, the chair accepts', async ({
  browser,
}) => {
  // The chair sets Japan's quota to 2; the window is shown in the chair's own zone.
  const chair = await as(browser, 'chair@demo.example.org')
  const forumUrl = await openForum(chair)
  await expect(chair.getByText('(Asia/Tokyo)').first()).toBeVisible()
  await chair.getByRole('link', { name: 'Изменить выпуск' }).click()
  await expect(chair.getByLabel('Часовой пояс для этих дат')).toHaveValue('Asia/Tokyo')
  await chair.getByLabel('Квота JP').fill('2')
  await chair.getByLabel('Квота JP').press('Enter')
  await expect(chair.getByText('Сохранено.')).toBeVisible()

  const jp = await as(browser, 'council-jp@demo.example.org')
  const first = await nominate(jp, forumUrl, 0, 'Анна Первая')
  const second = await nominate(jp, forumUrl, 1, 'Борис Второй')
  const third = await nominate(jp, forumUrl, 2, 'Вера Третья')
  for (const url of [first, second]) {
    await jp.goto(url)
    await jp.getByRole('button', { name: 'Подать заявку' }).click()
    await expect(jp.getByTestId('nomination-status')).toHaveText('Подана')
  }
  await jp.goto(third)
  await jp.getByRole('button', { name: 'Подать заявку' }).click()
  await expect(jp.getByRole('alert')).toContainText('не более 2 заявок')
  await expect(jp.getByTestId('nomination-status')).toHaveText('Черновик')

  await jp.goto(second)
  await jp.getByRole('button', { name: 'Отозвать заявку' }).click()
  await expect(jp.getByTestId('nomination-status')).toHaveText('Отозвана')

  // Two reviewers score the remaining submission.
  const wg = await as(browser, 'wg@demo.example.org')
  await wg.goto(first)
  await expect(wg.getByText('Оценки коллег будут видны')).toBeVisible()
  await wg.getByLabel('Актуальность').selectOption('5')
  await wg.getByLabel('Потенциал').selectOption('4')
  await wg.getByLabel('Готовность').selectOption('4')
  await wg.getByRole('button', { name: 'Сохранить оценку' }).click()
  await expect(wg.getByText('Оценка сохранена.')).toBeVisible()

  await chair.goto(first)
  await chair.getByLabel('Актуальность').selectOption('4')
  await chair.getByLabel('Потенциал').selectOption('4')
  await chair.getByLabel('Готовность').selectOption('3')
  await chair.getByRole('button', { name: 'Сохранить оценку' }).click()
  await expect(chair.getByTestId('reviews').locator('li')).toHaveCount(2)
  await chair.goto(forumUrl)
  await expect(chair.getByTestId('ranked')).toContainText('Анна Первая')
  await expect(chair.getByTestId('ranked')).not.toContainText('Вера Третья')
  await chair.goto(first)
  await chair.getByRole('button', { name: 'В короткий список' }).click()
  await expect(chair.getByTestId('nomination-status')).toHaveText('В коротком списке')
  await chair.getByLabel('Комментарий к решению').fill('Поздравляем!')
  await chair.getByRole('button', { name: 'Принять' }).click()
  await expect(chair.getByTestId('nomination-status')).toHaveText('Принята')

  // The parties were told by e-mail.
  const admin = await as(browser, 'admin@demo.example.org')
  await admin.goto('/admin/outbox')
  await expect(admin.locator('.outbox-item', { hasText: 'Принята' }).first()).toBeVisible()
  await expect(
    admin.locator('.outbox-item', { hasText: 'council-jp@demo.example.org' }).first(),
  ).toBeVisible()

  // The chair closes the window; a slot is free (one was withdrawn) but submitting is refused.
  await chair.goto(`${forumUrl}/edit`)
  await chair.getByLabel('Статус').selectOption('closed')
  await chair.getByRole('button', { name: 'Сохранить', exact: true }).click()
  await expect(chair.getByText('Сохранено.')).toBeVisible()
  await jp.goto(third)
  await jp.getByRole('button', { name: 'Подать заявку' }).click()
  await expect(jp.getByRole('alert')).toContainText('Приём заявок закрыт')
  await expect(jp.getByTestId('nomination-status')).toHaveText('Черновик')
})
