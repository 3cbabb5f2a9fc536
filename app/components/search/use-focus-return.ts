import { type RefObject, useEffect, useRef } from 'react'

type Focused = { id: string; name: string; value: string }

function identify(el: Element): Focused | null {
  if (!(el instanceof HTMLElement)) return null
  const name = el.getAttribute('name') ?? ''
  const value = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.value : ''
  return el.id || name ? { id: el.id, name, value } : null
}

function find(form: HTMLFormElement, f: Focused): HTMLElement | null {
  if (f.id) return document.getElementById(f.id)
  const candidates = form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(f.name)}"]`)
  return [...candidates].find((el) => !f.value || (el as HTMLInputElement).value === f.value) ?? null
}

/**
 * Keeps keyboard focus on the same control when the search re-renders for a new URL. The search
 * box, the sort and the facet checkboxes are remounted (or re-sorted) with each result, which
 * drops focus to <body> and sends a keyboard user back to the top of the page.
 */
export function useFocusReturn(formRef: RefObject<HTMLFormElement | null>, urlKey: string) {
  const last = useRef<Focused | null>(null)
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const onFocus = (e: FocusEvent) => {
      last.current = e.target instanceof Element ? identify(e.target) : null
    }
    // Focus that moves elsewhere on purpose is let go; a removed element's blur has no relatedTarget.
    const onBlur = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !form.contains(e.relatedTarget)) last.current = null
    }
    form.addEventListener('focusin', onFocus)
    form.addEventListener('focusout', onBlur)
    return () => {
      form.removeEventListener('focusin', onFocus)
      form.removeEventListener('focusout', onBlur)
    }
  }, [formRef])
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each new URL's render
  useEffect(() => {
    const form = formRef.current
    const wanted = last.current
    if (!form || !wanted) return
    const active = document.activeElement
    if (active && active !== document.body && document.contains(active)) return
    const target = find(form, wanted)
    target?.focus({ preventScroll: true })
  }, [urlKey])
}
