/**
 * Debian's `chromium`, driven by playwright-core, as every browser test starts it. .ci/run installs it and sets
 * CHROMIUM_PATH: then a missing browser is a failure, not a skip; elsewhere the browser tests are skipped and
 * the run's last line says so.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { noteSkip } from '../helpers/skips';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM) || process.env.CHROMIUM_PATH !== undefined;
if (!haveChromium) noteSkip('browser', `no Chromium at ${CHROMIUM}: apt-get install chromium or set CHROMIUM_PATH`);

/** `describe` when Chromium is there, else `describe.skip`. */
export const describeInBrowser = haveChromium ? describe : describe.skip;

/** Headless Chromium without the background traffic a first run makes. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
