import { type ReactNode, Suspense, useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** True in the browser after hydration; false on the server and during hydration (no mismatch). */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

/** Renders `children` only in the browser (Leaflet needs `window`); `fallback` on the server and while loading. */
export function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const hydrated = useHydrated()
  return hydrated ? <Suspense fallback={fallback}>{children()}</Suspense> : fallback
}
