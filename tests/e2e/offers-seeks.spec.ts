import { expect, type Page, test } from '@playwright/test'
import { signIn } from './support/sign-in'

test('an entrepreneur says what the business seeks; once published, a business offering it shows the match', async ({
  page,
  browser,
}) => {
  // A published demo listing that offers education (division 85): nobody in the demo data seeks it.
  const found = await page.request.get('/api/v1/businesses?offers=85&perPage=1')
  const provider = ((await found.json()) as { hits: { id: number; nameRu: string | null }[] }).hits[0]
  expect(provider, 'a demo listing offering division 85').toBeDefined()
  const providerId = provider?.id as number

  await signIn(page, 'entrepreneur@demo.example.org')
  await page.locator('li[data-status="published"]').first().getByRole('link', { name: 'Изменить' }).click()
  await expect(page).toHaveURL(/\/my\/listings\/\d+/)
  const listingId = Number(/\/my\/listings\/(\d+)/.exec(page.url())?.[1])
  const name = await page.getByLabel('Название по-русски').inputValue()

  // What we seek: narrow the list with the filter box, then tick the division from the keyboard.
  const seeks = page.getByRole('group', { name: 'Что вы ищете', exact: true })
  await seeks.getByLabel('Найти в списке').fill('образован')
  const education = seeks.getByRole('checkbox', { name: /85 Образование/ })
  await expect(education).toBeVisible()
  await expect(seeks.getByRole('checkbox', { name: /62 Разработка/ })).toBeHidden()
  // The demo listing may already seek something: the live counter goes up by one.
  const counter = seeks.getByText(/Выбрано \d+ из 10/)
  const before = Number(/(\d+) из/.exec((await counter.textContent()) ?? '')?.[1])
  await education.focus()
  await page.keyboard.press('Space')
  await expect(education).toBeChecked()
  await expect(counter).toHaveText(`Выбрано ${before + 1} из 10`)
  // What we offer: a whole section, in its group.
  const offers = page.getByRole('group', { name: 'Что вы предлагаете', exact: true })
  await offers.locator('summary', { hasText: 'IT и связь' }).click()
  await offers
    .locator('details', { hasText: 'IT и связь' })
    .getByRole('checkbox', { name: 'Весь раздел' })
    .check()

  await page.getByRole('button', { name: 'Отправить изменения на модерацию' }).click()
  const duplicate = page.getByLabel(/Это другая компания/)
  if (await duplicate.isVisible().catch(() => false)) {
    await duplicate.check()
    await page.getByRole('button', { name: 'Отправить изменения на модерацию' }).click()
  }
  await expect(page).toHaveURL(/\/my\/listings\?submitted=/)

  // The council sees the change in the diff and publishes it.
  const councilContext = await browser.newContext()
  const council = await councilContext.newPage()
  await signIn(council, 'council-jp@demo.example.org')
  await council.goto(`/moderation/${listingId}`)
  await expect(council.locator('body')).toContainText('Образование (85)')
  await council.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(council.getByText('Готово: 1.')).toBeVisible()
  await councilContext.close()

  // Anyone opening the provider's page sees the entrepreneur among those who seek what it offers.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await visitor.goto(`/businesses/${providerId}`)
  const matches = visitor.getByRole('region', { name: 'Кому это интересно' })
  // (The listing may also appear in the other list: the provider may seek what it offers.)
  const seekers = matches.locator('.match-group', {
    has: visitor.getByRole('heading', { name: 'Ищут то, что предлагает эта компания' }),
  })
  await expect(seekers.getByRole('link', { name })).toHaveAttribute('href', `/businesses/${listingId}`)
  await expect(seekers).toContainText('Совпадает: Образование')
  // …and the entrepreneur's page shows what it offers and seeks, with businesses offering education.
  await visitor.goto(`/businesses/${listingId}`)
  await expect(visitor.getByRole('list', { name: 'Предлагает' })).toContainText('IT и связь')
  await expect(visitor.getByRole('list', { name: 'Ищет' })).toContainText('Образование')
  const own = visitor.getByRole('region', { name: 'Кому это интересно' })
  await expect(own).toContainText('Совпадает: Образование')
  await expect(own.getByRole('link', { name: /Все в поиске/ }).last()).toHaveAttribute('href', /offers=85/)
  await visitorContext.close()
})
