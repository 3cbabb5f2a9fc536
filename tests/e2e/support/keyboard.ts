import { expect, type Page } from '@playwright/test'

/** What has keyboard focus: enough to recognise a control and to see its focus ring. */
export type Focused = {
  tag: string
  className: string
  id: string
  name: string
  type: string
  value: string
  text: string
  href: string
  checked: boolean
  inside: string[]
  outline: string
  boxShadow: string
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) throw new Error('nothing focused')
    const style = getComputedStyle(el)
    const input = el as HTMLInputElement
    const inside: string[] = []
    for (let p = el.parentElement; p; p = p.parentElement) if (p.className) inside.push(String(p.className))
    return {
      tag: el.tagName.toLowerCase(),
      className: String(el.className),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      type: el.getAttribute('type') ?? '',
      value: input.value ?? '',
      text: (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' '),
      href: el.getAttribute('href') ?? '',
      checked: Boolean(input.checked),
      inside,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
    }
  })
}

/**
 * Presses Tab (or Shift+Tab) until the focused element passes `wanted`, as a keyboard user
 * would, and returns it. Fails if it is not reached in `limit` presses.
 */
export async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  { back = false, limit = 150 }: { back?: boolean; limit?: number } = {},
): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    if (wanted(f)) return f
  }
  throw new Error(`not reached in ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`)
}

/** The focused element shows a ring: an outline or a box-shadow, not the browser's nothing. */
export function expectVisibleFocus(f: Focused) {
  const outlined = !f.outline.startsWith('none') && !/ 0px /.test(` ${f.outline} `)
  const shadowed = f.boxShadow !== 'none' && f.boxShadow !== ''
  expect(outlined || shadowed, `focus ring on <${f.tag} ${f.id || f.name || f.text}>: ${f.outline}`).toBe(
    true,
  )
}

/** Signs in from the sign-in page by keyboard only: Tab to the fields, type, Enter. */
export async function signInByKeyboard(page: Page, email: string, password: string) {
  await tabTo(page, (f) => f.name === 'email')
  await page.keyboard.type(email)
  await tabTo(page, (f) => f.name === 'password')
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/sign-in/)
}
