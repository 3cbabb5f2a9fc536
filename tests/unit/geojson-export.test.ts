import { describe, expect, it } from 'vitest'
import { type ExportRow, geoJsonStream } from '~/modules/export/businesses.server'

function row(id: number, point: boolean): ExportRow {
  return {
    id,
    name_ru: `Компания ${id}`,
    name_en: `Company ${id}`,
    name_local: '株式会社',
    country_code: 'JP',
    country_ru: 'Япония',
    country_en: 'Japan',
    city: 'Tokyo',
    city_geoname_id: null,
    address: null,
    lat: point ? 35.68 : null,
    lon: point ? 139.76 : null,
    founded_year: 2001,
    size_band: null,
    website: null,
    email: 'info@example.org',
    phone: null,
    messengers: {},
    sectors: ['G'],
    regions: ['RU-PRI'],
    cooperation_kinds: [],
    offers: ['10', 'H'],
    seeks: [],
    keywords: [],
    status: 'published',
    verified: false,
    published_at: new Date('2026-01-02T00:00:00Z'),
  }
}

async function collection(rows: ExportRow[], staff = false) {
  async function* source() {
    for (const r of rows) yield r
  }
  return JSON.parse(await new Response(geoJsonStream(source(), 'en', staff)).text())
}

describe('GeoJSON export', () => {
  it('writes a valid FeatureCollection over many chunks, in order, leaving out listings without a point', async () => {
    const rows = Array.from({ length: 700 }, (_, i) => row(i + 1, (i + 1) % 7 !== 0))
    const geojson = await collection(rows)
    expect(geojson.type).toBe('FeatureCollection')
    expect(geojson.features).toHaveLength(600)
    expect(geojson.features.map((f: { properties: { id: number } }) => f.properties.id)).toEqual(
      rows.filter((r) => r.lat !== null).map((r) => r.id),
    )
    expect(geojson.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [139.76, 35.68] },
      properties: { name_ru: 'Компания 1', country: 'Japan', sectors: 'G' },
    })
    expect(geojson.features[0].properties).not.toHaveProperty('status')
  })

  it('writes an empty collection when nothing matches or nothing has a point', async () => {
    expect(await collection([])).toEqual({ type: 'FeatureCollection', features: [] })
    expect((await collection([row(1, false), row(2, false)], true)).features).toEqual([])
  })

  it('adds the status for staff', async () => {
    expect((await collection([row(1, true)], true)).features[0].properties.status).toBe('published')
  })
})
