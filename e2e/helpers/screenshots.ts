// The README's pictures are written only when asked for (HASHIYA_SCREENSHOTS=1 npm run test:e2e),
// so an ordinary test run never changes a tracked file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SCREENSHOT_DIR = 'docs/screenshots';

export function screenshotsWanted(): boolean {
  return Boolean(process.env.HASHIYA_SCREENSHOTS);
}

/** Where the screenshot `name` (e.g. `reader.png`) goes, or null when none are wanted. */
export function screenshotPath(name: string): string | null {
  if (!screenshotsWanted()) return null;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/** Writes an image already taken (e.g. `locator.screenshot()`) when screenshots are wanted. */
export function saveScreenshot(name: string, image: Buffer): void {
  const file = screenshotPath(name);
  if (file) writeFileSync(file, image);
}
