import { test as base, expect, type Page } from '@playwright/test';

/**
 * The `test` every end-to-end spec imports. It can make timing worse on purpose, so that a race
 * between the test and the page (acting before hydration, or on the page a navigation is leaving;
 * reading the previous state's value) fails here instead of once in a while on CI:
 *
 * - `E2E_CPU_THROTTLE=N` (e.g. 4 to 6): every page's main thread runs N times slower (Chrome
 *   DevTools' CPU throttling), what a busy CI machine does; the test's time limits grow as much;
 * - `E2E_LATENCY=ms` (e.g. 300): every request of the page waits that long first, as a cold
 *   machine's first fetch of a page's code does: a client-side navigation stays under way longer.
 *
 *     E2E_CPU_THROTTLE=5 E2E_LATENCY=300 E2E_PORT=4184 npx playwright test tests/arml.e2e.ts --repeat-each 3
 *
 * Without them, nothing changes.
 */
export const CPU_SLOWDOWN = Math.max(1, Number(process.env.E2E_CPU_THROTTLE ?? '1') || 1);
const LATENCY_MS = Math.max(0, Number(process.env.E2E_LATENCY ?? '0') || 0);

async function throttle(page: Page): Promise<void> {
	if (CPU_SLOWDOWN === 1 && LATENCY_MS === 0) return;
	const session = await page.context().newCDPSession(page);
	if (CPU_SLOWDOWN > 1) await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	if (LATENCY_MS > 0) {
		await session.send('Network.enable');
		await session.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: LATENCY_MS,
			downloadThroughput: -1,
			uploadThroughput: -1
		});
	}
}

export const test = base.extend<{ slowedDown: void }>({
	// Every page the test opens (its `page` and any other tab), throttled before it is used.
	context: async ({ context }, use) => {
		const newPage = context.newPage.bind(context);
		context.newPage = async () => {
			const page = await newPage();
			await throttle(page);
			return page;
		};
		await use(context);
	},
	slowedDown: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first argument
		async ({}, use, testInfo) => {
			// Time limits (the test's own ones included) grow with the slowdown.
			if (CPU_SLOWDOWN > 1) testInfo.setTimeout(testInfo.timeout * CPU_SLOWDOWN);
			await use();
		},
		{ auto: true }
	]
});

export { expect };
