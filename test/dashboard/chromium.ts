import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which CI installs; playwright-core drives it (no bundled browser download). */
export const CHROMIUM_PATH = process.env.APRON_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests run here: always in CI (CI=true, which installs Chromium, so a missing browser fails the
 * run), elsewhere only when Chromium is installed, so `npm test` on a fresh machine stays the README's one command.
 */
export function browserTestsRun(): boolean {
  if (process.env.CI === 'true' || existsSync(CHROMIUM_PATH)) return true;
  console.warn(
    `dashboard browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set APRON_CHROMIUM_PATH)`,
  );
  return false;
}

/** Launches headless Chromium, or fails with what to install: the dashboard tests must not pass without a browser. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the dashboard tests drive a real browser. ` +
        'Install it (Debian/Ubuntu: apt-get install chromium) or set APRON_CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'], headless: true });
}
