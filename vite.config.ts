import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

export default defineConfig({
  plugins: [reactRouter(), tsconfigPaths()],
  build: { target: 'es2022' },
  ssr: {
    // PGlite ships WASM and data files it loads relative to its own module.
    external: ['@electric-sql/pglite', 'kysely-pglite', 'pg'],
  },
})
