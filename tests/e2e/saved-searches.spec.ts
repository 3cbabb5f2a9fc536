import { expect, type Page, test } from '@playwright/test'
import { signIn } from './support/sign-in'

test('a member saves a search, a matching listing is published, the digest names it once, and its unsubscribe link works signed out', async ({
  page,
  browser,
}) => {
  // Signed out: the search page asks to sign in to save.
  await page.goto('/?country=JP')
  await expect(page.getByRole('link', { name: /Войдите, чтобы сохранить этот поиск/ })).toBeVisible()

  // The member saves "Japan" with a daily digest.
  await signIn(page, 'entrepreneur@demo.example.org')
  await page.goto('/?country=JP')
  await page.getByText('Сохранить поиск').click()
  await page.getByLabel('Название').fill('Япония, новые')
  await page.getByLabel('Письма с новыми компаниями').selectOption('daily')
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
  await expect(page).toHaveURL(/\/my\/searches\?saved=\d+/)
  await expect(page.getByText('Поиск «Япония, новые» сохранён.')).toBeVisible()
  const saved = page.locator('.saved-search').filter({ hasText: 'Япония, новые' })
  await expect(saved.getByLabel('Письма с новыми компаниями')).toHaveValue('daily')
  await expect(saved.getByRole('link', { name: 'Открыть' })).toHaveAttribute('href', '/?country=JP')

  // Japan's council publishes a pending listing.
  const councilContext = await browser.newContext()
  const council = await councilContext.newPage()
  await signIn(council, 'council-jp@demo.example.org')
  await council.goto('/moderation')
  const row = council.locator('table.moderation-queue tbody tr').first()
  const listingId = await row.getAttribute('data-id')
  await council.goto(`/moderation/${listingId}`)
  const heading = council.getByRole('heading', { level: 1 })
  await expect(heading).toContainText('Проверка:')
  const name = ((await heading.textContent()) ?? '').replace(/^Проверка: /, '')
  await council.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(council.getByText('Готово: 1.')).toBeVisible()
  await councilContext.close()

  // The digest job runs (an admin starts it instead of waiting for its next run), twice.
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signIn(admin, 'admin@demo.example.org')
  await admin.goto('/admin/outbox')
  await admin.getByRole('button', { name: 'Разослать письма по сохранённым поискам сейчас' }).click()
  await expect(admin.getByText(/писем поставлено в очередь: 1\./)).toBeVisible()
  await admin.getByRole('button', { name: 'Разослать письма по сохранённым поискам сейчас' }).click()
  await expect(admin.getByText(/писем поставлено в очередь: 0\./)).toBeVisible()
  await admin.reload()
  const digests = admin.locator('.outbox-item[data-kind="search_digest"]')
  await expect(digests).toHaveCount(1)
  const digest = digests.first()
  await expect(digest.locator('.outbox-to')).toHaveText('entrepreneur@demo.example.org')
  await expect(digest).toContainText('Новые компании по поиску «Япония, новые»: 1')
  await expect(digest.locator('.outbox-body')).toContainText(name)
  await expect(digest.locator('.outbox-body')).toContainText(`/businesses/${listingId}`)
  await expect(digest.locator('[data-header="List-Unsubscribe-Post"]')).toContainText(
    'List-Unsubscribe=One-Click',
  )
  const body = (await digest.locator('.outbox-body').textContent()) ?? ''
  const link = new URL(/https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(body)?.[0] ?? '')
  await adminContext.close()

  // Signed out, the link asks first, then unsubscribes with one button.
  const strangerContext = await browser.newContext()
  const stranger = await strangerContext.newPage()
  await stranger.goto(`${link.pathname}${link.search}`)
  await expect(stranger.getByText('Больше не присылать письма по поиску «Япония, новые»?')).toBeVisible()
  await stranger.getByRole('button', { name: 'Отписаться' }).click()
  await expect(stranger.getByText('Готово: письма по поиску «Япония, новые» больше не придут.')).toBeVisible()
  // A damaged link says so.
  await stranger.goto(`${link.pathname}${link.search.slice(0, -3)}`)
  await expect(
    stranger.getByText('Ссылка для отписки повреждена или неполная.', { exact: false }),
  ).toBeVisible()
  await strangerContext.close()

  await page.goto('/my/searches')
  await expect(
    page
      .locator('.saved-search')
      .filter({ hasText: 'Япония, новые' })
      .getByLabel('Письма с новыми компаниями'),
  ).toHaveValue('none')
})
