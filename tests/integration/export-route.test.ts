import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import * as home from '~/routes/_index'
import * as exportRoute from '~/routes/export'
import { testDatabases } from '../support/databases'
import { type Jar, makeRequest, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

async function download(path: string, jar?: Jar) {
  const response = (await exportRoute.loader({
    request: makeRequest(path, { jar }),
    params: {},
    context: {},
  } as never)) as Response
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

describe.each(testDatabases())('exports of a search on $name', ({ open }) => {
  let db: Kysely<Database>
  let wg: Jar
  beforeAll(async () => {
    db = await open()
    setDb(db)
    wg = await sessionFor(await createUser(db, 'wg', ['wg_member']))
    const base = {
      city: 'Tokyo',
      city_geoname_id: null,
      lat: 35.68,
      lon: 139.69,
      consent_at: new Date().toISOString(),
      published_at: new Date().toISOString(),
    }
    const rows = await db
      .insertInto('businesses')
      .values([
        {
          ...base,
          country_code: 'JP',
          name_ru: 'ООО «Сакура Логистик»',
          name_local: '株式会社桜物流',
          status: 'published',
          phone: '+81312345678',
          public_phone: false,
          email: 'open@sakura.example',
          public_email: true,
        },
        {
          ...base,
          country_code: 'JP',
          name_ru: '=HYPERLINK("http://evil.example","x")',
          status: 'published',
        },
        {
          ...base,
          country_code: 'CN',
          name_ru: 'ООО «Чанцзян Трейд»',
          city: 'Shanghai',
          lat: 31.2,
          lon: 121.5,
          status: 'published',
        },
        { ...base, country_code: 'JP', name_ru: 'ООО «Ждёт»', status: 'pending' },
      ])
      .returning('id')
      .execute()
    await onBusinessesChanged(
      db,
      rows.map((r) => r.id),
    )
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('writes exactly what the search shows, as CSV with a BOM and Russian headers, hiding private contacts', async () => {
    const page = (await run(home.loader, '/?country=JP')).data as { result: { total: number } }
    const { response, bytes } = await download('/export.csv?country=JP')
    expect(response.headers.get('Content-Disposition')).toMatch(/businesses-\d{4}-\d{2}-\d{2}-jp\.csv/)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    expect(lines[0]).toMatch(/^Номер,Название \(рус\.\)/)
    expect(lines).toHaveLength(page.result.total + 1)
    const sakura = lines.find((l) => l.includes('Сакура')) ?? ''
    expect(sakura).toContain('株式会社桜物流')
    expect(sakura).toContain('open@sakura.example')
    expect(sakura).not.toContain('+81312345678')
    expect(lines.join('\n')).toContain(`"'=HYPERLINK(`)
    expect(lines.join('\n')).not.toContain('Ждёт')
  })

  it('gives the working group pending listings, hidden contacts and a status column', async () => {
    const { bytes } = await download('/export.csv?country=JP&sep=semicolon', wg)
    const text = bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toContain(';Статус')
    expect(text).toContain('Ждёт')
    expect(text).toContain('+81312345678')
  })

  it('writes XLSX, one sheet per country on request, and GeoJSON', async () => {
    const { bytes } = await download('/export.xlsx?sheets=country', wg)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => [s.name, s.rowCount]).sort()).toEqual([
      ['Китай', 2],
      ['Япония', 4],
    ])
    const geo = JSON.parse((await download('/export.geojson?q=Сакура')).bytes.toString('utf8'))
    expect(geo.type).toBe('FeatureCollection')
    expect(geo.features).toHaveLength(1)
    expect(geo.features[0].geometry.coordinates).toEqual([139.69, 35.68])
    expect(geo.features[0].properties.phone).toBeNull()
  })

  it('answers bad parameters with 400 naming them', async () => {
    for (const path of [
      '/export.csv?sep=tab',
      '/export.xlsx?sheets=sector',
      '/export.csv?page=abc&country=' + 'X'.repeat(5),
    ]) {
      const { response } = await download(path)
      expect(response.status, path).toBe(400)
    }
  })
})
