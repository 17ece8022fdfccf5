/**
 * Copies the README's screenshots of the bot in Microsoft's own local Teams client (Agents Playground) from the
 * browser tests' output: run the tests first (`npx vitest run test/teams/e2e`), then
 * `npx tsx scripts/teams-screenshots.ts`. Each test run writes the window (1280×1000) after each answer to
 * test-output/teams/.
 */
import { TEAMS_SCREENSHOT_DIR } from '../test/teams/e2e/teams-fixture.ts';
import { copyScreenshots } from './copy-screenshots.ts';

copyScreenshots(
  TEAMS_SCREENSHOT_DIR,
  'teams',
  ['personal-list', 'personal-detail', 'personal-help', 'personal-text', 'group-chat', 'channel-thread'],
  'test/teams/e2e',
);
