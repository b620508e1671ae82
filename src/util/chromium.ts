/**
 * Debian's Chromium driven by playwright-core, for browser tests, screenshots
 * and benchmarks. Headless, with the flags that keep it off the network.
 */
import { chromium, type Browser } from 'playwright-core';

/** Path of the browser; $CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
