import type { Logger } from 'pino';
import type { Db } from '../../src/kb/open.ts';
import type { Config } from '../config.ts';
import { createTeamsSender, type TeamsSender } from './proactive.ts';
import { cloudAdapterFor } from './wiring.ts';

export interface StandaloneSenderDeps {
  db: Db;
  logger: Logger;
  clock: () => Date;
  /** Empty or absent: authentication off, as against a local fake connector (benchmarks, tests). */
  appId?: string;
  /** The server's Bot Framework settings (cli digest --send-now): authentication as configured. */
  config?: Config;
}

/**
 * The proactive sender without the /api/messages endpoint around it, for code outside adapters/teams that must
 * send to Teams (the digest benchmark): botbuilder stays imported only in this folder.
 */
export function createStandaloneTeamsSender(deps: StandaloneSenderDeps): TeamsSender {
  const appId = deps.config?.MicrosoftAppId ?? deps.appId ?? '';
  const adapter = cloudAdapterFor(deps.config ?? { MicrosoftAppId: appId });
  return createTeamsSender({ adapter, appId, db: deps.db, logger: deps.logger, clock: deps.clock });
}
