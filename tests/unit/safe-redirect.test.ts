import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from '~/modules/http/safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps same-site paths', () => {
    expect(safeRedirectPath('/businesses/1?x=1')).toBe('/businesses/1?x=1')
  })
  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    null,
    '/a\nb',
  ])('refuses %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/')
  })
})
