/** axe-core run in the page: the serious and critical violations, as `id (impact, nodes)`. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
}

export async function seriousViolations(page: Page): Promise<string[]> {
  // CDP evaluation is not subject to the page's CSP (which rightly forbids inline scripts)
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
}
