/**
 * Copies the README's screenshots of the web console from the browser tests' output: run the tests first
 * (`npx vitest run test/console/e2e`), then `npx tsx scripts/console-screenshots.ts`. Each test run writes every
 * page at phone (390×844) and desktop (1280×800) width to test-output/console/; the README shows four of them.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';
import { SCREENSHOT_DIR } from '../test/support/browser.ts';

/** test-output/console/<shot>.png → docs/console-<shot>.png */
const README_SHOTS = ['dashboard-desktop', 'dashboard-phone', 'plans-preview-desktop', 'task-phone'] as const;

const missing = README_SHOTS.filter((shot) => !existsSync(join(SCREENSHOT_DIR, `${shot}.png`)));
if (missing.length > 0) {
  process.stderr.write(
    `Chưa có ảnh: ${missing.join(', ')}. Chạy trước: npx vitest run test/console/e2e (ảnh ở ${SCREENSHOT_DIR}).\n`,
  );
  process.exit(1);
}
for (const shot of README_SHOTS) {
  const target = join(PROJECT_ROOT, 'docs', `console-${shot}.png`);
  copyFileSync(join(SCREENSHOT_DIR, `${shot}.png`), target);
  process.stdout.write(`docs/console-${shot}.png\n`);
}
