import { describe, expect, it } from 'vitest'
import { parseSearchParams, toSearchParams } from '~/modules/search/params'
import { bigrams, splitQuery } from '~/modules/search/tokenize'

const parse = (qs: string, options?: { allowPerPage?: boolean }) =>
  parseSearchParams(new URLSearchParams(qs), options)

describe('search URL parameters', () => {
  it('reads repeated and comma-separated values, normalised, deduplicated and sorted', () => {
    const r = parse('q=%20Токио%20&country=kr,JP&country=JP&sector=h&coop=logistics&verified=1&page=2')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.q).toBe('Токио')
    expect(r.value.filters.country).toEqual(['JP', 'KR'])
    expect(r.value.filters.sector).toEqual(['H'])
    expect(r.value.filters.coop).toEqual(['logistics'])
    expect(r.value.filters.verified).toBe(true)
    expect(r.value.page).toBe(2)
    expect(r.value.sort).toBe('relevance')
  })

  it('defaults: newest without words, relevance with words, page 1, 20 per page', () => {
    const empty = parse('')
    expect(empty.ok && empty.value).toMatchObject({ q: '', sort: 'newest', page: 1, perPage: 20, bbox: null })
  })

  it('round-trips through the canonical query string', () => {
    const qs =
      'q=logistics&country=JP&country=KR&sector=H&verified=0&bbox=170%2C-25%2C-170%2C-10&sort=name&page=3'
    const r = parse(qs)
    if (!r.ok) throw new Error('parse')
    expect(toSearchParams(r.value).toString()).toBe(qs)
    const again = parse(toSearchParams(r.value).toString())
    expect(again).toEqual(r)
  })

  it.each([
    ['country=JPN', 'country'],
    ['sector=AB', 'sector'],
    ['region=Moscow', 'region'],
    ['district=XX', 'district'],
    ['coop=smuggling', 'coop'],
    ['size=huge', 'size'],
    ['verified=maybe', 'verified'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=0,50,10,40', 'bbox'],
    ['bbox=0,0,200,10', 'bbox'],
    ['sort=price', 'sort'],
    ['page=0', 'page'],
    ['page=-3', 'page'],
    ['page=abc', 'page'],
    ['page=501', 'page'],
    [`q=${'x'.repeat(201)}`, 'q'],
    [
      `country=${Array.from({ length: 31 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}`).join(',')}`,
      'country',
    ],
  ])('%s is rejected and names %s', (qs, param) => {
    const r = parse(qs)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.param)).toContain(param)
  })

  it('accepts perPage only where allowed (the API)', () => {
    const page = parse('perPage=50')
    expect(page.ok && page.value.perPage).toBe(20)
    const api = parse('perPage=50', { allowPerPage: true })
    expect(api.ok && api.value.perPage).toBe(50)
    expect(parse('perPage=101', { allowPerPage: true }).ok).toBe(false)
  })

  it('keeps what the user typed when rejecting', () => {
    const r = parse('q=abc&page=-3&country=JP')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.raw).toMatchObject({ q: 'abc', page: '-3', country: 'JP' })
  })
})

describe('query tokenizing', () => {
  it('splits words and CJK/Thai runs into bigrams', () => {
    expect(splitQuery('logistics 東京都 Токио')).toEqual({
      words: ['logistics', 'Токио'],
      gramSets: [['東京', '京都']],
    })
    expect(splitQuery("' or 1=1; -- & | ! :*")).toEqual({ words: ['or', '1', '1'], gramSets: [] })
    expect(bigrams('桜')).toEqual(['桜'])
  })
})
