import { describe, expect, it } from 'vitest'
import { parseDirectoryQuery } from '~/modules/businesses/directory-query'

const parse = (qs: string) => parseDirectoryQuery(new URLSearchParams(qs))

describe('directory query', () => {
  it('defaults to the first page and no query', () => {
    expect(parse('')).toEqual({ ok: true, query: { q: '', page: 1 } })
  })
  it('trims the query and strips control characters', () => {
    expect(parse('q=%20tokyo%00x%20&page=3')).toEqual({ ok: true, query: { q: 'tokyo x', page: 3 } })
  })
  it.each(['page=0', 'page=-1', 'page=1.5', 'page=abc', 'page=501', 'page=1e9'])(
    'refuses %s, naming the page',
    (qs) => {
      expect(parse(qs)).toMatchObject({ ok: false, field: 'page' })
    },
  )
  it('refuses an overlong query, keeping it', () => {
    const long = 'я'.repeat(201)
    expect(parse(`q=${long}`)).toMatchObject({ ok: false, field: 'q', raw: { q: long } })
  })
})
