import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium when present (CI and these machines cannot download Playwright's browsers);
// elsewhere Playwright's own (`npx playwright install chromium`).
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);
// Another port (E2E_PORT) lets two copies of the project run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
// E2E_CPU_THROTTLE=N slows every page's CPU N times (tests/fixture.ts): the waits grow as much.
const slowdown = Math.max(1, Number(process.env.E2E_CPU_THROTTLE ?? '1') || 1);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	// No retries: a test that passes on its second try hides a flaky page or a race; fix it instead.
	retries: 0,
	// DuckDB-WASM compiles 34 MB of wasm: generous timeouts keep a busy 2-core machine from failing tests.
	timeout: 120_000,
	expect: { timeout: 45_000 * slowdown },
	// Reference images (tests/screens.e2e.ts) under one fixed path, with no platform or project
	// suffix: a fresh clone finds them as committed. They are Debian Chromium's rendering on Linux.
	snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `npx vite preview --port ${port} --strictPort`,
		port,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
