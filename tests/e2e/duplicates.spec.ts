import { type Browser, expect, type Page, test } from '@playwright/test'
import { signIn } from './support/sign-in'

async function fillListing(page: Page, names: { nameRu?: string; nameEn?: string }) {
  await page.goto('/my/listings/new')
  if (names.nameRu) await page.getByLabel('Название по-русски').fill(names.nameRu)
  if (names.nameEn) await page.getByLabel('Название по-английски').fill(names.nameEn)
  await page.getByLabel('Город *').fill('Токио')
  await page.getByLabel('Широта').fill('35.6895')
  await page.getByLabel('Долгота').fill('139.6917')
  await page.getByRole('group', { name: 'Отрасли (от 1 до 3) *' }).getByRole('checkbox').first().check()
  await page.getByLabel(/Я согласен\(на\) на публикацию/).check()
}

async function asCouncil(browser: Browser) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, 'council-jp@demo.example.org')
  return page
}

test('creating «Сакура Трейд» in Tokyo warns that "Sakura Trade Co., Ltd." is listed there; the council merges them', async ({
  page,
  browser,
}) => {
  // Two accounts and a dozen page loads: more than the default minute on a busy two-core machine.
  test.setTimeout(180_000)
  await signIn(page, 'entrepreneur@demo.example.org')
  // "Sakura Trade Co., Ltd." gets listed in Tokyo: submitted, then published by Japan's council.
  await fillListing(page, { nameEn: 'Sakura Trade Co., Ltd.' })
  await page.getByRole('button', { name: 'Отправить на модерацию' }).click()
  await expect(page).toHaveURL(/submitted=\d+/)
  const existing = new URL(page.url()).searchParams.get('submitted')
  const council = await asCouncil(browser)
  await council.goto(`/moderation/${existing}`)
  await council.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(council.getByText('Готово: 1.')).toBeVisible()

  // The same business typed in Cyrillic: the editor warns before submitting, keeping what was typed.
  await fillListing(page, { nameRu: 'Сакура Трейд' })
  await page.getByRole('button', { name: 'Отправить на модерацию' }).click()
  const warning = page.getByTestId('duplicate-warning')
  await expect(warning).toContainText('Возможно, эта компания уже есть в каталоге')
  await expect(warning.getByRole('link', { name: /Sakura Trade Co., Ltd./ })).toHaveAttribute(
    'href',
    `/businesses/${existing}`,
  )
  await expect(page).toHaveURL(/\/my\/listings\/new$/)
  await expect(page.getByLabel('Название по-русски')).toHaveValue('Сакура Трейд')

  // It may be a different business: submitting anyway stays possible.
  await page.getByLabel('Это другая компания — отправить всё равно').check()
  await page.getByRole('button', { name: 'Отправить на модерацию' }).click()
  await expect(page).toHaveURL(/submitted=\d+/)
  const duplicate = new URL(page.url()).searchParams.get('submitted')

  // The council sees the flag, compares both side by side and merges: the removed one redirects.
  await council.goto('/moderation?country=JP&status=pending')
  const row = council.locator(`tr[data-id="${duplicate}"]`)
  await row.getByRole('link', { name: 'возможный дубликат' }).click()
  await council.locator(`[data-duplicate="${existing}"]`).getByRole('link', { name: 'Сравнить' }).click()
  await expect(council.getByTestId('duplicate-compare')).toContainText('Sakura Trade Co., Ltd.')
  await expect(council.getByTestId('duplicate-compare')).toContainText('Сакура Трейд')
  await council.getByRole('button', { name: `Оставить #${existing}, объединить с ним #${duplicate}` }).click()
  await expect(council.getByText('Карточки объединены.')).toBeVisible()
  await council.goto(`/businesses/${duplicate}`)
  await expect(council).toHaveURL(new RegExp(`/businesses/${existing}$`))
  await expect(council.getByRole('heading', { level: 1 })).toContainText('Сакура Трейд')
})
