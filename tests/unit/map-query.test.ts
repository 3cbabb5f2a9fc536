import { describe, expect, it } from 'vitest'
import {
  emptyMapFilters,
  filterKey,
  normalizeBounds,
  parseMapFilters,
  parseMapQuery,
  parseOptionalBBox,
} from '~/modules/map/query'
import { tileConfig } from '~/modules/map/tiles.server'
import { parseSearchParams } from '~/modules/search/params'

const parse = (qs: string) => parseMapQuery(new URLSearchParams(qs))

describe('map query', () => {
  it('parses a viewport and the search filters', () => {
    const r = parse(
      'bbox=100,-10,150.5,40&zoom=4&q=%20логистика%20&country=jp&country=KR,cn&sector=H&verified=1&offers=10&seeks=h',
    )
    expect(r).toEqual({
      ok: true,
      value: {
        bbox: [100, -10, 150.5, 40],
        zoom: 4,
        q: 'логистика',
        country: ['CN', 'JP', 'KR'],
        sector: ['H'],
        region: [],
        district: [],
        coop: [],
        offers: ['10'],
        seeks: ['H'],
        size: [],
        verified: true,
      },
    })
  })

  it('defaults the bbox to the world and the filters to none', () => {
    expect(parse('zoom=0')).toEqual({
      ok: true,
      value: { ...emptyMapFilters(), bbox: [-180, -90, 180, 90], zoom: 0 },
    })
  })

  it.each([
    ['zoom=99', 'zoom'],
    ['zoom=2.5', 'zoom'],
    ['zoom=abc', 'zoom'],
    ['', 'zoom'],
    ['zoom=-1', 'zoom'],
    ['zoom=3&bbox=0,0,200,10', 'bbox'],
    ['zoom=3&bbox=0,50,10,10', 'bbox'],
    ['zoom=3&bbox=0,0,10', 'bbox'],
    ['zoom=3&bbox=a,b,c,d', 'bbox'],
    ['zoom=3&bbox=1e3,0,10,10', 'bbox'],
    ['zoom=3&bbox=NaN,0,10,10', 'bbox'],
    ['zoom=3&bbox=0,-91,10,10', 'bbox'],
    [`zoom=3&q=${'x'.repeat(201)}`, 'q'],
    ['zoom=3&country=Japan', 'country'],
    ['zoom=3&sector=HH', 'sector'],
    ['zoom=3&verified=maybe', 'verified'],
    ['zoom=3&region=Primorye', 'region'],
    ['zoom=3&district=XX', 'district'],
    ['zoom=3&coop=smuggling', 'coop'],
    ['zoom=3&size=huge', 'size'],
  ])('rejects %s naming %s', (qs, param) => {
    expect(parse(qs)).toEqual({ ok: false, param })
  })

  it('reads the rest of the search filters as the search page does', () => {
    const r = parse(
      'zoom=3&region=ru-pri&district=FEFD&coop=export_to_russia,logistics&size=small&verified=0',
    )
    expect(r).toMatchObject({
      ok: true,
      value: {
        region: ['RU-PRI'],
        district: ['FEFD'],
        coop: ['export_to_russia', 'logistics'],
        size: ['small'],
        verified: false,
      },
    })
  })

  it('accepts a bbox across the antimeridian (west > east)', () => {
    expect(parse('zoom=3&bbox=170,-50,-170,0')).toMatchObject({
      ok: true,
      value: { bbox: [170, -50, -170, 0] },
    })
  })

  it('keys filter sets regardless of order and case of the query', () => {
    const a = parse('zoom=1&country=JP&country=KR&q=Tokyo')
    const b = parse('zoom=9&bbox=0,0,1,1&country=KR,JP&q=tokyo')
    if (!a.ok || !b.ok) throw new Error('parse failed')
    expect(filterKey(a.value)).toBe(filterKey(b.value))
  })

  it('reads an optional bbox for the list', () => {
    expect(parseOptionalBBox(new URLSearchParams(''))).toEqual({ ok: true, value: null })
    expect(parseOptionalBBox(new URLSearchParams('bbox=1,2,3,4'))).toEqual({ ok: true, value: [1, 2, 3, 4] })
    expect(parseOptionalBBox(new URLSearchParams('bbox=oops'))).toEqual({ ok: false, param: 'bbox' })
  })
})

describe('map and search parse alike', () => {
  it.each([
    'q=%20Vladivostok%01&country=jp,kr&sector=h&region=ru-pri&district=FEFD&coop=logistics&size=small&verified=1',
    'q=桜物&verified=false&bbox=170,-50,-170,0',
    'country=JP&country=jp&size=micro,small&sort=name&page=3',
  ])('%s', (qs) => {
    const params = new URLSearchParams(qs)
    const search = parseSearchParams(params)
    const map = parseMapFilters(params)
    if (!search.ok || !map.ok) throw new Error('parse failed')
    expect(map.value).toEqual({ q: search.value.q, ...search.value.filters })
    const bbox = search.value.bbox
    expect(parseOptionalBBox(params)).toEqual({
      ok: true,
      value: bbox ? [bbox.west, bbox.south, bbox.east, bbox.north] : null,
    })
  })

  it.each([
    ['country=Japan', 'country'],
    ['verified=maybe', 'verified'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('rejects %s naming the same parameter', (qs, param) => {
    const params = new URLSearchParams(qs)
    const search = parseSearchParams(params)
    expect(search.ok ? null : search.issues[0]?.param).toBe(param)
    expect(parseMapFilters(params)).toEqual({ ok: false, param })
  })

  it('leaves the list-only parameters (sort, page) to the list', () => {
    expect(parseMapFilters(new URLSearchParams('sort=bogus&page=0')).ok).toBe(true)
  })
})

describe('normalizeBounds', () => {
  it('keeps an ordinary view', () => {
    expect(normalizeBounds(100, -10, 150, 40)).toEqual([100, -10, 150, 40])
  })
  it('gives the whole world for a view wider than a turn, and clamps latitudes', () => {
    expect(normalizeBounds(-300, -95, 200, 95)).toEqual([-180, -90, 180, 90])
  })
  it('wraps a view east of the antimeridian', () => {
    expect(normalizeBounds(160, -50, 200, 0)).toEqual([160, -50, -160, 0])
    expect(normalizeBounds(370, 0, 380, 10)).toEqual([10, 0, 20, 10])
  })
  it('keeps an edge at exactly 180', () => {
    expect(normalizeBounds(100, 0, 180, 10)).toEqual([100, 0, 180, 10])
    expect(normalizeBounds(-180, 0, -100, 10)).toEqual([-180, 0, -100, 10])
  })
})

describe('tile configuration', () => {
  it('defaults to OpenStreetMap with attribution', () => {
    expect(tileConfig(undefined)).toMatchObject({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' })
    expect(tileConfig('')?.attribution).toContain('OpenStreetMap')
  })
  it('turns tiles off with none, and refuses templates that cannot work', () => {
    expect(tileConfig('none')).toBeNull()
    expect(tileConfig('ftp://x/{z}/{x}/{y}')).toBeNull()
    expect(tileConfig('https://tiles.example.org/tile.png')).toBeNull()
    expect(tileConfig('https://tiles.example.org/{z}/{x}/{y}.png')?.url).toBe(
      'https://tiles.example.org/{z}/{x}/{y}.png',
    )
  })
})
