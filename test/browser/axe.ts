import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What axe-core reports for one rule that fails (the page text itself is not kept). */
export interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is, with the WCAG 2.1 A and AA rules. */
export async function wcagViolations(page: Page): Promise<Violation[]> {
  // Evaluated, not added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`(async () => {
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  })()`);
}

/** Waits until the page has nothing loading any more (lists and charts load after the heading). */
export async function settled(page: Page): Promise<void> {
  await page
    .getByLabel('Laddar …')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
}
