import type { ConsolePage } from '../context.ts';
import { dashboardPage } from './dashboard.ts';
import { plansPage } from './plans.ts';
import { reportsPage } from './reports.ts';
import { tasksPage } from './tasks.ts';
import { usersPage } from './users.ts';

/**
 * The console's pages, in the order of the navigation (adapters/console/layout.ts), registered behind the
 * session guard by adapters/console/plugin.ts. Until a module claims GET /admin, the plugin serves a short home
 * page there.
 */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  dashboardPage,
  tasksPage,
  plansPage,
  usersPage,
  reportsPage,
];
