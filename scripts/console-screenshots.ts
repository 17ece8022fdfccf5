/**
 * Copies the README's screenshots of the web console from the browser tests' output: run the tests first
 * (`npx vitest run test/console/e2e`), then `npx tsx scripts/console-screenshots.ts`. Each test run writes every
 * page at phone (390×844) and desktop (1280×800) width to test-output/console/; the README shows four of them.
 */
import { SCREENSHOT_DIR } from '../test/support/browser.ts';
import { copyScreenshots } from './copy-screenshots.ts';

copyScreenshots(
  SCREENSHOT_DIR,
  'console',
  ['dashboard-desktop', 'dashboard-phone', 'plans-preview-desktop', 'task-phone'],
  'test/console/e2e',
);
