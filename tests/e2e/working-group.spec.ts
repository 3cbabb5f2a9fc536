import { expect, type Page, test } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { importRows, toCsv } from '../../scripts/lib/import-sample'
import { signIn } from './support/sign-in'

const CYRILLIC = /[а-яё]/i
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9faf]/

async function downloaded(page: Page, link: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-links').getByRole('link', { name: link, exact: true }).click(),
  ])
  const path = await download.path()
  const { readFile } = await import('node:fs/promises')
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
}

function csvRecords(bytes: Buffer) {
  return parse(bytes, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]
}

test('the working group filters, exports CSV and XLSX and reads them back; a visitor’s export hides private phones', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, 'wg@demo.example.org')
  await page.goto('/')
  const unfiltered = await page.locator('.result-count').textContent()
  await page
    .getByRole('group', { name: 'Страна' })
    .getByRole('checkbox', { name: /Япония/ })
    .check()
  await expect(page).toHaveURL(/country=JP/)
  await expect(page.locator('.result-count')).not.toHaveText(unfiltered ?? '')
  const total = Number((await page.locator('.result-count').textContent())?.replace(/\D/g, ''))
  expect(total).toBeGreaterThan(20)

  const csv = await downloaded(page, 'CSV')
  expect(csv.name).toMatch(/^businesses-\d{4}-\d{2}-\d{2}-.*jp.*\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = csvRecords(csv.bytes)
  expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['Номер', 'Название (рус.)', 'Телефон']))
  expect(rows).toHaveLength(total)
  expect(rows.every((r) => r['Страна'] === 'Япония')).toBe(true)
  expect(rows.some((r) => CYRILLIC.test(r['Название (рус.)'] ?? ''))).toBe(true)
  expect(rows.some((r) => JAPANESE.test(r['Название на местном языке'] ?? ''))).toBe(true)

  const xlsx = await downloaded(page, 'XLSX')
  expect(xlsx.name).toMatch(/\.xlsx$/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  expect(header).toEqual(expect.arrayContaining(['Номер', 'Название (рус.)', 'Телефон']))
  expect(sheet.actualRowCount - 1).toBe(total)
  const column = (name: string) => header.indexOf(name) + 1
  const values = (name: string) => {
    const out: string[] = []
    sheet.eachRow((row, n) => {
      if (n > 1) out.push(String(row.getCell(column(name)).value ?? ''))
    })
    return out
  }
  expect(values('Название (рус.)').some((v) => CYRILLIC.test(v))).toBe(true)
  expect(values('Название на местном языке').some((v) => JAPANESE.test(v))).toBe(true)
  expect(typeof sheet.getRow(2).getCell(column('Номер')).value).toBe('number')

  // The same search exported by a visitor who is not signed in: phones only where the owner made them public.
  const visitor = await playwright.request.newContext({ baseURL })
  const publicCsv = csvRecords(Buffer.from(await (await visitor.get('/export.csv?country=JP')).body()))
  // The group also sees listings awaiting moderation; a visitor only the published ones.
  expect(publicCsv).toHaveLength(rows.filter((r) => r['Статус'] === 'published').length)
  expect(publicCsv.length).toBeLessThan(total)
  // CSV cells that start with "+" carry a leading apostrophe, so no spreadsheet reads them as formulas.
  const phoneOf = (r: Record<string, string>) => (r['Телефон'] ?? '').replace(/^'/, '')
  const wgPhone = new Map(rows.map((r) => [r['Номер'], phoneOf(r)]))
  const hidden = publicCsv.filter((r) => wgPhone.get(r['Номер']) && !r['Телефон'])
  const shown = publicCsv.filter((r) => r['Телефон'])
  expect(hidden.length).toBeGreaterThan(0)
  expect(shown.length).toBeGreaterThan(0)
  // The card agrees: that listing's phone is not on its public page either.
  const hiddenId = hidden[0]?.['Номер']
  const card = await (await visitor.get(`/businesses/${hiddenId}`)).text()
  const phone = String(wgPhone.get(hiddenId))
  expect(phone).toMatch(/^\+\d{8,}$/)
  expect(card).not.toContain(`tel:${phone}`)
  expect(card).not.toContain(phone)
  // …while a listing whose phone is public shows the same number to the visitor as to the group.
  const open = shown[0] as Record<string, string>
  expect(phoneOf(open)).toBe(wgPhone.get(open['Номер']))
  await visitor.dispose()
})

test('a coordinator imports 1,000 rows with 7 planted errors: exactly those are reported, 993 land, and the same file again changes nothing', async ({
  page,
}) => {
  const { rows, planted } = importRows(1000, `e2e-${Date.now()}`)
  const file = { name: 'члены-совета.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) }
  await signIn(page, 'council-jp@demo.example.org')
  await page.goto('/moderation')
  const pendingBefore = Number(await page.locator('[data-count="pending"]').textContent())
  await page.getByRole('link', { name: 'Загрузить из файла' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Загрузка компаний из файла')

  async function check() {
    await page.getByLabel('Файл CSV или XLSX').setInputFiles(file)
    await page.getByRole('button', { name: 'Проверить файл' }).click()
    await expect(page).toHaveURL(/\/moderation\/import\/\d+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Отчёт о проверке')
  }

  await check()
  await expect(page.locator('[data-count="total"]')).toHaveText('1000')
  await expect(page.locator('[data-count="valid"]')).toHaveText('993')
  await expect(page.locator('[data-count="invalid"]')).toHaveText('7')
  const reported = await page
    .locator('table.import-errors tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row'))))
  expect(reported.sort((a, b) => a - b)).toEqual(planted.map((p) => p.rowNumber).sort((a, b) => a - b))
  await expect(page.locator('table.import-errors')).toContainText('Формулы не допускаются')
  await page.getByRole('button', { name: 'Загрузить 993 строки' }).click()
  await expect(page.getByText('Готово: добавлено 993, обновлено 0, без изменений 0')).toBeVisible({
    timeout: 30_000,
  })
  await page.getByRole('link', { name: 'Открыть очередь модерации' }).first().click()
  await expect(page.locator('[data-count="pending"]')).toHaveText(String(pendingBefore + 993))

  // The same file again: every row is known and unchanged.
  await page.goto('/moderation/import')
  await check()
  await expect(page.locator('[data-count="updates"]')).toHaveText('993')
  await page.getByRole('button', { name: 'Загрузить 993 строки' }).click()
  await expect(page.getByText('Готово: добавлено 0, обновлено 0, без изменений 993')).toBeVisible({
    timeout: 30_000,
  })
  await page.goto('/moderation')
  await expect(page.locator('[data-count="pending"]')).toHaveText(String(pendingBefore + 993))
})
