import { fileURLToPath } from 'node:url'
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

export default defineConfig({
  plugins: [reactRouter(), tsconfigPaths()],
  build: { target: 'es2022' },
  resolve: {
    // zod without its `new Function` probe, which the CSP would report (see app/zod-jitless.ts).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./app/zod-jitless.ts', import.meta.url)) }],
  },
  ssr: {
    // PGlite ships WASM and data files it loads relative to its own module.
    external: ['@electric-sql/pglite', 'kysely-pglite', 'pg'],
  },
})
