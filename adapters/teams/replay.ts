import { type Activity, type CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { findOrphans, findUnhandled, markHandled, takeOverOrphan } from '../../src/kb/inbound-repo.ts';
import { HEARTBEAT_MS, LEASE_MS } from '../../src/kb/instances-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { parseStoredActivity } from './activity-shape.ts';
import { type NhiemvuTeamsBot, TEAMS_CHANNEL } from './bot.ts';
import { assertMaySendTo, hostOf, isLoopbackServiceUrl } from './loopback.ts';

export interface ReplayDeps {
  adapter: CloudAdapter;
  appId: string;
  bot: NhiemvuTeamsBot;
  db: Db;
  logger: Logger;
  clock: () => Date;
  instanceId: string;
  /**
   * A server killed moments ago still looks alive until its heartbeat ages (LEASE_MS): while unanswered activities
   * remain, the pass is repeated once that long has passed, a few times at most.
   */
  recheckMs?: number;
}

const RECHECKS = 3;

type Orphan = ReturnType<typeof findOrphans>[number];

/**
 * Answers the Teams activities a stopped server stored but never answered: each is taken over (atomically, so of
 * two servers only one answers it), the core answers it, and the reply goes out proactively through a reference
 * built from the stored activity — for a channel message, into that message's thread. Safe to call again: an
 * activity already answered, or being answered by a live server, is left alone.
 */
export function createOrphanReplayer(deps: ReplayDeps): () => Promise<number> {
  const recheckMs = deps.recheckMs ?? LEASE_MS + HEARTBEAT_MS;
  let running: Promise<number> | null = null;
  let rechecks = 0;

  const scheduleRecheck = () => {
    if (rechecks >= RECHECKS || findUnhandled(deps.db, TEAMS_CHANNEL).length === 0) return;
    rechecks++;
    const timer = setTimeout(() => {
      // The server may have stopped meanwhile (the database is closed then): nothing left to do.
      if (deps.db.open) void replay();
    }, recheckMs);
    timer.unref();
  };

  const pass = async () => {
    let answered = 0;
    for (const orphan of findOrphans(deps.db, TEAMS_CHANNEL, deps.clock())) {
      if (await replayOne(deps, orphan)) answered++;
    }
    if (answered > 0) deps.logger.info({ answered }, 'teams: unanswered activities answered after a restart');
    scheduleRecheck();
    return answered;
  };

  const replay = (): Promise<number> => {
    running ??= pass()
      .catch((error: unknown) => {
        deps.logger.warn({ reason: String(error) }, 'teams: replay of unanswered activities failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return replay;
}

async function replayOne(deps: ReplayDeps, orphan: Orphan): Promise<boolean> {
  const { db, logger, clock, instanceId } = deps;
  const where = { chatId: orphan.chatId, messageId: orphan.messageId };
  const activity = parseStoredActivity(orphan.payload);
  if (!activity) {
    // Stored before activities were kept with their claim: nothing to answer from.
    markHandled(db, TEAMS_CHANNEL, orphan.chatId, orphan.messageId, clock());
    logger.warn(where, 'teams: unanswered activity without its stored content; cannot be answered');
    return false;
  }
  if (deps.appId === '' && !isLoopbackServiceUrl(activity.serviceUrl)) {
    // Left for a server with an app id: without one, replies go only to this machine.
    logger.warn(
      { ...where, host: hostOf(activity.serviceUrl) },
      'teams: replay refused (serviceUrl not local)',
    );
    return false;
  }
  if (!takeOverOrphan(db, TEAMS_CHANNEL, orphan.chatId, orphan.messageId, instanceId, clock())) return false;
  try {
    await answerProactively(deps, activity);
  } catch (error) {
    const status = (error as { statusCode?: number } | null)?.statusCode;
    // Refused (bot removed, conversation gone): nothing went out and nothing will. Anything else may have
    // arrived: it stays claimed by this server and is not sent again blindly.
    if (status !== undefined && status >= 400 && status < 500 && status !== 429)
      markHandled(db, TEAMS_CHANNEL, orphan.chatId, orphan.messageId, clock());
    logger.warn({ ...where, status, reason: String(error) }, 'teams: replayed answer not delivered');
    return false;
  }
  markHandled(db, TEAMS_CHANNEL, orphan.chatId, orphan.messageId, clock());
  return true;
}

/**
 * Continues the stored activity's own conversation (its thread, for a channel message). Errors raised inside the
 * SDK's callback would go to onTurnError and be swallowed: they are caught there and re-thrown here.
 */
async function answerProactively(deps: ReplayDeps, activity: Activity): Promise<void> {
  const authEnabled = deps.appId !== '';
  const reference = TurnContext.getConversationReference(activity);
  let failure: unknown = null;
  await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
    try {
      await deps.bot.respond(activity, (reply) => {
        assertMaySendTo(authEnabled, context.activity.serviceUrl);
        return context.sendActivity(reply);
      });
    } catch (error) {
      failure = error;
    }
  });
  if (failure) throw failure;
}
