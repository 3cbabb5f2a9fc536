import { type Browser, expect, type Page, test } from '@playwright/test'

const password = 'e2e password 2026'

async function signIn(page: Page, email: string, pass: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(pass)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/my\/listings/)
}

/** The confirmation link, read the way a fresh install without SMTP works: the admin outbox. */
async function linkFromOutbox(browser: Browser, to: string) {
  const admin = await browser.newContext()
  const page = await admin.newPage()
  await signIn(page, 'admin@demo.example.org', 'demo-password')
  await page.goto('/admin/outbox')
  const item = page.locator('.outbox-item', { has: page.locator('.outbox-to', { hasText: to }) }).first()
  const body = (await item.locator('.outbox-body').textContent()) ?? ''
  await admin.close()
  const url = new URL(/https?:\/\/\S+/.exec(body)?.[0] ?? 'http://missing/')
  return url.pathname + url.search
}

/** A new confirmed account of this spec's own, so no test changes a shared demo account. */
async function signUpAndConfirm(page: Page, browser: Browser, email: string) {
  await page.goto('/sign-up')
  await page.getByLabel('Ваше имя').fill('Тест Тестов')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(password)
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  await expect(page.getByRole('status')).toContainText('Мы отправили письмо')
  await page.goto(await linkFromOutbox(browser, email))
  await expect(page).toHaveURL(/\/sign-in\?notice=verified/)
}

test('an entrepreneur signs up, confirms, puts a business on the map and sees it pending', async ({
  page,
  browser,
}) => {
  const email = `e2e-${Date.now()}@example.org`
  await page.goto('/')
  await page.getByRole('link', { name: 'Регистрация' }).click()
  await page.getByLabel('Ваше имя').fill('Иван Тестов')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(password)
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  await expect(page.getByRole('status')).toContainText('Мы отправили письмо')
  expect(await page.content()).not.toContain(password)

  const link = await linkFromOutbox(browser, email)
  expect(link).toMatch(/^\/verify-email\?token=/)
  await page.goto(link)
  await expect(page).toHaveURL(/\/sign-in\?notice=verified/)
  await expect(page.getByRole('status')).toContainText('подтверждён')

  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill(password)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/my\/listings/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мои компании')
  // The session cookie is HTTP-only: scripts on the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('session_token')

  await page.getByRole('link', { name: 'Добавить компанию' }).click()
  await page.getByLabel('Название по-русски').fill('Сакура Трейдинг')
  await page.getByLabel('Название по-английски').fill('Sakura Trading')
  await page.getByLabel('Название на местном языке').fill('さくら貿易株式会社')
  await page.getByLabel('Описание по-русски').fill('Поставки морепродуктов с Хоккайдо во Владивосток.')
  await expect(page.getByText(/^49 из 5\s000 символов$/)).toBeVisible()
  await page.getByLabel('Транспорт и логистика').check()
  await page.getByLabel('Страна *').selectOption('JP')
  const city = page.getByLabel('Город *')
  await city.fill('Оса')
  await expect(page.locator('datalist option[value="Осака"]')).toHaveCount(1)
  await city.fill('Осака')
  await expect(page.getByText('Точка поставлена по справочнику: Осака.')).toBeVisible()
  await expect(page.getByLabel('Широта')).toHaveValue(/^34\.6/)
  await expect(page.getByLabel('Долгота')).toHaveValue(/^135\.5/)
  // The point is then picked on the map: a click moves the marker and the coordinates follow.
  const picker = page.locator('.point-picker .leaflet-container')
  await expect(picker).toBeVisible()
  await picker.scrollIntoViewIfNeeded()
  const box = await picker.boundingBox()
  if (!box) throw new Error('no map')
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3)
  await expect(page.getByLabel('Широта')).not.toHaveValue(/^34\.6/)
  const pickedLat = Number(await page.getByLabel('Широта').inputValue())
  const pickedLon = Number(await page.getByLabel('Долгота').inputValue())
  expect(Math.abs(pickedLat)).toBeLessThanOrEqual(90)
  expect(Math.abs(pickedLon)).toBeLessThanOrEqual(180)
  // The marker sits where the map was clicked: the coordinates are the map's, not the city's.
  await expect(page.locator('.point-picker .leaflet-marker-icon')).toHaveCount(1)
  await page.getByLabel('Телефон', { exact: true }).fill('06-1234-5678')
  await page.getByText('Дальневосточный федеральный округ').click()
  await page.getByLabel('Приморский край').check()
  await page.getByLabel('Сахалинская область').check()
  await page.getByLabel(/Я согласен/).check()
  await page.getByRole('button', { name: 'Отправить на модерацию' }).click()

  await expect(page).toHaveURL(/\/my\/listings\?submitted=\d+/)
  await expect(page.getByRole('status')).toContainText('Отправлено на модерацию')
  const item = page.locator('.my-listings li').filter({ hasText: 'Сакура Трейдинг' })
  await expect(item.locator('.status-badge')).toHaveText('На модерации')
  await expect(item).toContainText('Осака')
})

test('a forgotten password is reset by the e-mailed link; the token never reaches the page', async ({
  page,
  browser,
}) => {
  const email = `e2e-reset-${Date.now()}@example.org`
  await signUpAndConfirm(page, browser, email)
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Забыли пароль?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Восстановление пароля')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByRole('button', { name: 'Прислать ссылку' }).click()
  await expect(page.getByRole('status')).toContainText('Если такой аккаунт есть')

  const link = await linkFromOutbox(browser, email)
  expect(link).toMatch(/^\/reset-password\?token=/)
  const token = new URL(`http://x${link}`).searchParams.get('token') ?? 'missing'
  await page.goto(link)
  await expect(page).toHaveURL(/\/reset-password$/)
  expect(await page.content()).not.toContain(token)
  await page.getByLabel('Новый пароль').fill('council new password')
  await page.getByRole('button', { name: 'Сохранить пароль' }).click()
  await expect(page).toHaveURL(/\/sign-in\?notice=reset/)
  await expect(page.getByRole('status')).toContainText('Пароль изменён')
  await page.getByLabel('Эл. почта').fill(email)
  await page.getByLabel('Пароль').fill('council new password')
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/my\/listings/)
  await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible()
  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible()
})

test('with JavaScript, the editor flags a wrong field as you leave it and keeps the rest', async ({
  page,
}) => {
  await signIn(page, 'entrepreneur@demo.example.org', 'demo-password')
  await page.goto('/my/listings/new')
  await page.getByLabel('Название по-английски').fill('Tokyo Bridge')
  await page.getByLabel('Широта').fill('95')
  await page.getByLabel('Долгота').fill('139.7')
  await expect(page.locator('#listing-lat-error')).toContainText('Широта — число от −90 до 90')
  await page.getByLabel('Эл. почта компании').fill('bad@')
  await page.getByRole('button', { name: 'Отправить на модерацию' }).click()
  await expect(page.locator('#listing-email-error')).toContainText('Адрес эл. почты')
  await expect(page.locator('#listing-consent-error')).toContainText('Без согласия')
  await expect(page).toHaveURL(/\/my\/listings\/new$/)
  await expect(page.getByLabel('Название по-английски')).toHaveValue('Tokyo Bridge')
})

test('sign-in is throttled after repeated failures, with a clear message', async ({ page, browser }) => {
  const email = `e2e-throttle-${Date.now()}@example.org`
  await signUpAndConfirm(page, browser, email)
  for (let i = 0; i < 10; i++) {
    await page.goto('/sign-in')
    await page.getByLabel('Эл. почта').fill(email)
    await page.getByLabel('Пароль').fill(`wrong password ${i}`)
    await page.getByRole('button', { name: 'Войти' }).click()
    await expect(page.getByRole('alert')).toHaveText('Неверная эл. почта или пароль.')
  }
  // Even the right password is refused while the account is throttled.
  await page.getByLabel('Пароль').fill(password)
  await page.getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByRole('alert')).toContainText('Слишком много неудачных попыток')
  await expect(page).toHaveURL(/\/sign-in/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('wrong inputs each get a field error and the rest of the form is kept', async ({ page }) => {
    await signIn(page, 'entrepreneur@demo.example.org', 'demo-password')
    await expect(page).toHaveURL(/\/my\/listings/)
    await page.goto('/my/listings/new')
    await page.getByLabel('Название по-русски').fill('<script>alert(1)</script>')
    await page.getByLabel('Название на местном языке').fill('桜の会社')
    await page.getByLabel('Эл. почта компании').fill('not-an-email')
    await page.getByLabel('Город *').fill('Токио')
    await page.getByLabel('Широта').fill('95')
    await page.getByLabel('Долгота').fill('139.7')
    await page.getByLabel('Описание по-английски').fill('Kept as typed.')
    await page.getByText('Дальневосточный федеральный округ').click()
    await page.getByLabel('Приморский край').check()
    // Over the limit as typed in the browser (an 11 MB textarea would only measure Chromium's layout;
    // the 11 MB post is checked below, straight against the server).
    await page.getByLabel('Описание по-русски').fill('я'.repeat(5200))
    await page.getByRole('button', { name: 'Сохранить черновик' }).click()

    await expect(page.locator('#listing-nameRu-error')).toContainText('Без символов < и >')
    await expect(page.locator('#listing-email-error')).toContainText('Адрес эл. почты')
    await expect(page.locator('#listing-lat-error')).toContainText('Широта — число от −90 до 90')
    await expect(page.locator('#listing-descriptionRu-error')).toContainText('Не длиннее 5')
    await expect(page.getByLabel('Название на местном языке')).toHaveValue('桜の会社')
    await expect(page.getByLabel('Описание по-английски')).toHaveValue('Kept as typed.')
    await expect(page.getByLabel('Город *')).toHaveValue('Токио')
    await expect(page.getByLabel('Долгота')).toHaveValue('139.7')
    await expect(page.getByLabel('Приморский край')).toBeChecked()
    expect(await page.content()).not.toContain('<script>alert(1)</script>')
  })

  test('an 11 MB description is refused with a clear 413 before the app reads it, not a crash', async ({
    page,
  }) => {
    await signIn(page, 'entrepreneur@demo.example.org', 'demo-password')
    const post = (descriptionRu: string) =>
      page.request.post('/my/listings/new', {
        headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' },
        multipart: { intent: 'save', nameRu: 'Огромное описание', countryCode: 'JP', descriptionRu },
      })
    // Every form's body is limited to 1 MB (decision 0012).
    const huge = await post('z'.repeat(11 * 1024 * 1024))
    expect(huge.status()).toBe(413)
    expect(await huge.text()).toContain('Запрос слишком большой: можно не больше 1 МБ.')
    // Under the limit but over the field's: the form comes back with the field's message.
    const long = await post('z'.repeat(600 * 1024))
    expect(long.status()).toBe(400)
    const html = await long.text()
    expect(html).toContain('Не длиннее 5')
    expect(html).toContain('Огромное описание')
  })
})
