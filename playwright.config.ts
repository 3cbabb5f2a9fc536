import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // A fresh embedded database every run: the app seeds its own demo data.
      command: `rm -rf data/e2e && DATA_DIR=data/e2e PORT=${port} MAP_TILE_URL=none LOG_LEVEL=warn node --import tsx scripts/start.ts`,
      url: `http://127.0.0.1:${port}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      // The default tile server (OpenStreetMap), which the map tests make unreachable.
      command: `rm -rf data/e2e-tiles && DATA_DIR=data/e2e-tiles PORT=${port + 1} MAP_TILE_URL= DEMO_COUNT=300 LOG_LEVEL=warn node --import tsx scripts/start.ts`,
      url: `http://127.0.0.1:${port + 1}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
  ],
})
