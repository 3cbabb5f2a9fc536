import { expect, test } from '@playwright/test'
import { expectVisibleFocus, focused, signInByKeyboard, tabTo } from './support/keyboard'

/**
 * Keyboard-only paths: after the first page.goto every step is a key press (Tab, Shift+Tab,
 * Enter, Space, arrows, typing). Locators only read the page to check the outcome.
 */

test('a visitor skips to the content, searches, toggles a facet and opens a result by keyboard', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.locator('.leaflet-container')).toBeVisible()

  // The first Tab reaches the skip link, shown on screen with a focus ring; Enter moves focus to <main>.
  await page.keyboard.press('Tab')
  const skip = await focused(page)
  expect(skip.className).toContain('skip-link')
  expectVisibleFocus(skip)
  const box = await page.locator('.skip-link').boundingBox()
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0)
  await page.keyboard.press('Enter')
  expect((await focused(page)).id).toBe('main')

  // The search box is among the first stops in the content.
  const search = await tabTo(page, (f) => f.id === 'q', { limit: 5 })
  expectVisibleFocus(search)
  await page.keyboard.type('Камчатка')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/q=%D0%9A%D0%B0%D0%BC/)
  await expect(page.locator('.business-list > li').first()).toBeVisible()
  // Focus stays in the search box after the results arrive.
  await expect.poll(async () => (await focused(page)).id).toBe('q')

  // On to the first country facet; Space toggles it and focus stays on it.
  const country = await tabTo(page, (f) => f.name === 'country' && f.type === 'checkbox')
  expectVisibleFocus(country)
  expect(country.checked).toBe(false)
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(new RegExp(`country=${country.value}`))
  await expect(page.locator('.filter-chips .chip')).toHaveCount(1)
  await expect
    .poll(async () => {
      const f = await focused(page)
      return `${f.name}=${f.value} ${f.checked}`
    })
    .toBe(`country=${country.value} true`)

  // On to the first result's name; Enter opens its card.
  const result = await tabTo(page, (f) => f.tag === 'a' && f.inside.some((c) => c.includes('business-list')))
  expectVisibleFocus(result)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${result.href.replace(/[?]/g, '\\?')}$`))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('an entrepreneur fills and submits a new listing, choosing the point on the map by keyboard', async ({
  page,
}) => {
  const name = `Клавиатура ${Date.now()}`
  await page.goto('/sign-in')
  await signInByKeyboard(page, 'entrepreneur@demo.example.org', 'demo-password')

  await tabTo(page, (f) => f.tag === 'a' && f.href === '/my/listings/new')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/my\/listings\/new$/)
  await expect(page.locator('.map-picker .leaflet-container')).toBeVisible()

  await tabTo(page, (f) => f.name === 'nameRu')
  await page.keyboard.type(name)
  const sector = await tabTo(page, (f) => f.name === 'sectors')
  await page.keyboard.press('Space')
  expect((await focused(page)).checked).toBe(true)
  expect(sector.value).not.toBe('')

  await tabTo(page, (f) => f.name === 'countryCode')
  await page.keyboard.type('Япония')
  await expect(page.locator('select[name="countryCode"]')).toHaveValue('JP')
  await tabTo(page, (f) => f.name === 'city')
  await page.keyboard.type('Нагоя')

  // The map: focused, it pans with the arrows; Enter puts the point at its centre.
  const map = await tabTo(page, (f) => f.className.includes('leaflet-container'))
  expectVisibleFocus(map)
  const lat = page.locator('input[name="lat"]')
  const lon = page.locator('input[name="lon"]')
  // The city may already have filled the point from the gazetteer (the map then centres on it):
  // pan away first, so Enter visibly sets a new one.
  const before = `${await lat.inputValue()},${await lon.inputValue()}`
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect.poll(async () => `${await lat.inputValue()},${await lon.inputValue()}`).not.toBe(before)
  await expect(lat).not.toHaveValue('')
  const placed = { lat: Number(await lat.inputValue()), lon: Number(await lon.inputValue()) }

  // The marker is next in the tab order; the arrows move it (up: further north).
  const marker = await tabTo(page, (f) => f.className.includes('leaflet-marker-icon'))
  expectVisibleFocus(marker)
  await page.keyboard.press('ArrowUp')
  await expect.poll(async () => Number(await lat.inputValue())).toBeGreaterThan(placed.lat)
  expect(Number(await lon.inputValue())).toBeCloseTo(placed.lon, 3)

  await tabTo(page, (f) => f.name === 'consent')
  await page.keyboard.press('Space')
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Отправить на модерацию')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/my\/listings(\?|$)/)
  await expect(page.locator('main')).toContainText(name)
})

test('a council member nominates a candidate for a forum by keyboard', async ({ page }) => {
  const person = `Клавиатурный Кандидат ${Date.now()}`
  await page.goto('/sign-in')
  await signInByKeyboard(page, 'council-cn@demo.example.org', 'demo-password')

  await tabTo(page, (f) => f.tag === 'a' && f.href === '/forums')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/forums$/)
  await tabTo(page, (f) => f.tag === 'a' && /^\/forums\/\d+$/.test(f.href))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/forums\/\d+$/)
  await tabTo(page, (f) => f.tag === 'a' && f.href.endsWith('/nominations/new'))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/nominations\/new$/)

  // The listing is a radio group: Tab enters it, Space picks the focused one, arrows move the pick
  // (a few down, so a listing nominated by another spec or an earlier run is not chosen again).
  await tabTo(page, (f) => f.type === 'radio')
  await page.keyboard.press('Space')
  expect((await focused(page)).checked).toBe(true)
  for (let i = 0; i < 2 + (Date.now() % 12); i++) await page.keyboard.press('ArrowDown')
  const picked = await focused(page)
  expect(picked.checked).toBe(true)
  await tabTo(page, (f) => f.name === 'personName')
  await page.keyboard.type(person)
  await tabTo(page, (f) => f.name === 'justificationRu')
  await page.keyboard.type('Выдвинут без мыши.')
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Сохранить черновик')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/nominations\/\d+/)
  await expect(page.getByTestId('nomination-status')).toHaveText('Черновик')
  await expect(page.getByLabel('Имя кандидата *')).toHaveValue(person)
})
