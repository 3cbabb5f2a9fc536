import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { columnForHeader, columnHeader } from '~/modules/import/columns'
import { claimImport, loadImport, runImport } from '~/modules/import/imports.server'
import * as importPage from '~/routes/moderation/import'
import * as importReport from '~/routes/moderation/import-report'
import * as importTemplate from '~/routes/moderation/import-template'
import * as importUpload from '~/routes/moderation/import-upload'
import { IMPORT_HEADER, importRows, toCsv } from '../../scripts/lib/import-sample'
import { testDatabases } from '../support/databases'
import { type Jar, makeRequest, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

function uploadRequest(
  path: string,
  jar: Jar,
  file: { name: string; body: string | Uint8Array<ArrayBuffer> },
) {
  const form = new FormData()
  form.append('file', new File([file.body], file.name))
  const headers = new Headers({ Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') })
  return new Request(`http://localhost${path}`, { method: 'POST', body: form, headers })
}

async function upload(
  jar: Jar,
  body: string | Uint8Array<ArrayBuffer>,
  country = 'JP',
  name = 'members.csv',
) {
  const response = (await importUpload.action({
    request: uploadRequest(`/moderation/import/upload?country=${country}`, jar, { name, body }),
    params: {},
    context: {},
  } as never)) as Response
  return { status: response.status, body: (await response.json()) as { id?: number; error?: string } }
}

async function countJp(db: Kysely<Database>) {
  const row = await db
    .selectFrom('businesses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('country_code', '=', 'JP')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.each(testDatabases())('council import on $name', ({ open }) => {
  let db: Kysely<Database>
  let jp: Jar
  let cn: Jar
  let member: Jar
  let coordinatorId: string
  beforeAll(async () => {
    db = await open()
    setDb(db)
    coordinatorId = 'coord-jp'
    jp = await sessionFor(await createUser(db, coordinatorId, ['council_coordinator'], 'JP'))
    cn = await sessionFor(await createUser(db, 'coord-cn', ['council_coordinator'], 'CN'))
    member = await sessionFor(await createUser(db, 'member', ['wg_member']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('reports exactly the planted errors, imports the other 993 rows in one go, and a re-import changes nothing', async () => {
    const { rows, planted } = importRows(1000)
    const csv = toCsv(rows)
    const before = await countJp(db)
    const checked = await upload(jp, csv)
    expect(checked.status).toBe(200)
    const id = checked.body.id as number
    const record = await loadImport(db, id)
    expect(record?.state).toBe('checked')
    expect(record?.validRows).toBe(993)
    const errors = record?.report.errors ?? []
    expect(new Set(errors.map((e) => e.rowNumber)).size).toBe(7)
    expect(errors.map((e) => [e.rowNumber, e.column]).sort()).toEqual(
      planted.map((p) => [p.rowNumber, ruHeader(p.column)]).sort(),
    )
    // Messages are in the coordinator's language.
    expect(errors.find((e) => e.column === ruHeader('name_en'))?.message).toMatch(/Формулы/)
    expect(await countJp(db)).toBe(before) // the dry run writes no listing

    const commit = await run(importReport.action, `/moderation/import/${id}`, {
      jar: jp,
      params: { id: String(id) },
      form: { status: 'pending' },
    })
    expect(commit.status).toBe(302)
    await waitFor(async () => (await loadImport(db, id))?.state !== 'running')
    const done = await loadImport(db, id)
    expect(done?.state).toBe('done')
    expect(done?.result).toMatchObject({ created: 993, updated: 0, unchanged: 0 })
    expect(await countJp(db)).toBe(before + 993)
    const sample = await db
      .selectFrom('businesses')
      .selectAll()
      .where('external_id', '=', 'jp-imp-2')
      .executeTakeFirstOrThrow()
    expect(sample).toMatchObject({
      status: 'pending',
      name_local: '株式会社jp-imp輸入2',
      phone: '+81312345678',
      public_phone: false,
      owner_id: null,
    })
    const history = await db
      .selectFrom('history')
      .select('action')
      .where('entity_id', '=', String(sample.id))
      .execute()
    expect(history.map((h) => h.action)).toEqual(['imported'])
    // The search data followed in the same transaction.
    const searchRow = await db
      .selectFrom('business_search')
      .select('business_id')
      .where('business_id', '=', sample.id)
      .executeTakeFirst()
    expect(searchRow).toBeDefined()

    // The same file again: every valid row is recognised and nothing is written.
    const again = await upload(jp, csv)
    const againId = again.body.id as number
    expect((await loadImport(db, againId))?.report.updates).toBe(993)
    const historyBefore = await db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await claimImport(db, againId, { status: 'pending', skipDuplicates: true })
    const result = await runImport(db, againId, coordinatorId)
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 993 })
    expect(await countJp(db)).toBe(before + 993)
    const historyAfter = await db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(historyAfter.n)).toBe(Number(historyBefore.n))
  })

  it('updates a changed row, reports likely duplicates and skips them, and publishes when asked', async () => {
    const { rows } = importRows(3, 'jp-upd')
    const first = await upload(jp, toCsv(rows))
    await claimImport(db, first.body.id as number, { status: 'published', skipDuplicates: true })
    expect(await runImport(db, first.body.id as number, coordinatorId)).toMatchObject({ created: 3 })
    const changed = rows.map((r) => [...r])
    ;(changed[0] as string[])[1] = 'ООО «Импорт обновлённый»'
    // The same business under a new number and another business's website: duplicates.
    changed.push(['other-1', 'ООО «Импорт jp-upd 2»', '', '', 'G', 'Tokyo', '', '', '', '', '', '', '', 'да'])
    const second = await upload(jp, toCsv(changed))
    const record = await loadImport(db, second.body.id as number)
    expect(record?.report.updates).toBe(3)
    expect(record?.report.duplicates).toEqual([
      expect.objectContaining({ rowNumber: 5, by: 'name', businessName: 'ООО «Импорт jp-upd 2»' }),
    ])
    await claimImport(db, second.body.id as number, { status: 'published', skipDuplicates: true })
    const result = await runImport(db, second.body.id as number, coordinatorId)
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2, skippedDuplicates: 1 })
    const updated = await db
      .selectFrom('businesses')
      .select(['name_ru', 'status', 'published_at'])
      .where('external_id', '=', 'jp-upd-1')
      .executeTakeFirstOrThrow()
    expect(updated.name_ru).toBe('ООО «Импорт обновлённый»')
    expect(updated.status).toBe('published')
    expect(updated.published_at).not.toBeNull()
  })

  it('imports offers and seeks as codes or as the export writes them, and names a bad code', async () => {
    const header = [...IMPORT_HEADER, 'offers', 'Ищет']
    const { rows } = importRows(3, 'jp-trade')
    const cells = [
      ['10;c', 'Transport and logistics (H); Wholesale trade, except of motor vehicles (46)'],
      ['', ''],
      ['10;ZZ', '46'],
    ]
    const checked = await upload(
      jp,
      toCsv(
        rows.map((r, i) => [...r, ...(cells[i] as string[])]),
        header,
      ),
    )
    const record = await loadImport(db, checked.body.id as number)
    expect(record?.report.errors).toEqual([
      expect.objectContaining({ rowNumber: 4, column: 'Предлагает', message: expect.stringMatching(/«ZZ»/) }),
    ])
    await claimImport(db, checked.body.id as number, { status: 'pending', skipDuplicates: false })
    expect(await runImport(db, checked.body.id as number, coordinatorId)).toMatchObject({ created: 2 })
    const stored = await db
      .selectFrom('businesses')
      .select(['external_id', 'offers', 'seeks'])
      .where('external_id', 'in', ['jp-trade-1', 'jp-trade-2'])
      .orderBy('external_id')
      .execute()
    expect(stored).toEqual([
      { external_id: 'jp-trade-1', offers: ['10', 'C'], seeks: ['H', '46'] },
      { external_id: 'jp-trade-2', offers: [], seeks: [] },
    ])
  })

  it('rolls the whole import back when one row fails in the database, and marks it failed', async () => {
    const { rows } = importRows(50, 'jp-crash')
    const checked = await upload(jp, toCsv(rows.slice(0, 5)))
    const id = checked.body.id as number
    const record = await db
      .selectFrom('imports')
      .select('rows')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    // A row the schema passed but the database refuses (a sector that does not exist).
    const stored = record.rows as { value: { sectors: string[] } }[]
    ;(stored[4] as { value: { sectors: string[] } }).value.sectors = ['ZZ']
    await db
      .updateTable('imports')
      .set({ rows: JSON.stringify(stored) })
      .where('id', '=', id)
      .execute()
    const before = await countJp(db)
    await claimImport(db, id, { status: 'pending', skipDuplicates: true })
    await expect(runImport(db, id, coordinatorId)).rejects.toThrow()
    expect(await countJp(db)).toBe(before)
    expect((await loadImport(db, id))?.state).toBe('failed')
    // A second commit of the same checked file is refused while one ran or after it finished.
    await db.updateTable('imports').set({ state: 'done' }).where('id', '=', id).execute()
    const twice = await run(importReport.action, `/moderation/import/${id}`, {
      jar: jp,
      params: { id: String(id) },
      form: { status: 'pending' },
    })
    expect(twice.status).toBe(409)
  })

  it('refuses bad files with a message in the user language, and keeps the directory as it was', async () => {
    const before = await countJp(db)
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xc0, 0xcf, 0xd0, 0x0a])
    expect(await upload(jp, latin1)).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/UTF-8/) },
    })
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 9])
    expect((await upload(jp, junk, 'JP', 'x.xlsx')).status).toBe(400)
    expect((await upload(jp, '')).body.error).toMatch(/Выберите файл/)
    const missing = await upload(jp, 'name_ru,city\nООО «А»,Tokyo\n')
    const report = await loadImport(db, missing.body.id as number)
    expect(report?.report.problems.some((p) => p.fatal && /Отрасли/.test(p.message))).toBe(true)
    expect(report?.validRows).toBe(0)
    expect(await countJp(db)).toBe(before)
  })

  it('lets only coordinators of the country (and admins) import, see reports and templates', async () => {
    const own = await upload(jp, toCsv(importRows(2, 'jp-perm').rows))
    const id = String(own.body.id)
    // Another council cannot upload for Japan, nor open, nor commit Japan's import.
    expect((await upload(cn, toCsv(importRows(2, 'x').rows), 'JP')).status).toBe(403)
    expect(
      (await run(importReport.loader, `/moderation/import/${id}`, { jar: cn, params: { id } })).status,
    ).toBe(404)
    expect(
      (
        await run(importReport.action, `/moderation/import/${id}`, {
          jar: cn,
          params: { id },
          form: { status: 'published' },
        })
      ).status,
    ).toBe(404)
    expect((await run(importPage.loader, '/moderation/import', { jar: member })).status).toBe(403)
    expect((await run(importPage.loader, '/moderation/import')).status).toBe(302)
    expect(
      (await run(importTemplate.loader, '/moderation/import/template.csv', { jar: member })).status,
    ).toBe(403)
    expect((await loadImport(db, Number(id)))?.state).toBe('checked')
  })

  it('serves templates in Russian and English with hints and code lists', async () => {
    const csv = (await importTemplate.loader({
      request: makeRequest('/moderation/import/template.csv?lang=ru', { jar: jp }),
      params: {},
      context: {},
    } as never)) as Response
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\n')[0]).toContain('Название (рус.)')
    const xlsx = (await importTemplate.loader({
      request: makeRequest('/moderation/import/template.xlsx?lang=en', { jar: jp }),
      params: {},
      context: {},
    } as never)) as Response
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await xlsx.arrayBuffer())
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Businesses',
      'Hints',
      'Sectors',
      'Russian regions',
      'Cooperation',
      'Offers and seeks',
      'Size',
      'Languages',
    ])
    expect(book.worksheets[0]?.getRow(1).getCell(2).value).toBe('name_ru')
    // The template's own example row passes the check.
    const filled = Buffer.from((await await book.xlsx.writeBuffer()) as ArrayBuffer)
    const checked = await upload(jp, new Uint8Array(filled), 'JP', 'template.xlsx')
    const record = await loadImport(db, checked.body.id as number)
    expect(record?.report.errors).toEqual([])
    expect(record?.validRows).toBe(1)
  })
})

const ruHeader = (key: string) => {
  const column = columnForHeader(key)
  return column ? columnHeader(column, 'ru') : key
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const start = Date.now()
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
