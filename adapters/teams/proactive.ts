import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import {
  type ConversationRef,
  findConversationRef,
  markConversationDead,
} from '../../src/kb/conversation-refs-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { unsubscribe } from '../../src/kb/subscriptions-repo.ts';
import { jitteredBackoff } from '../backoff.ts';
import { TEAMS_CHANNEL } from './bot.ts';
import { assertMaySendTo } from './loopback.ts';
import {
  createRateLimiter,
  type RateLimiter,
  TEAMS_PER_CONVERSATION,
  TEAMS_PER_TENANT,
} from './rate-limit.ts';

/** The conversation cannot be reached any more (bot removed, blocked, conversation gone, or never known). */
export class ConversationGoneError extends Error {
  override readonly name = 'ConversationGoneError';
  constructor(
    readonly conversationId: string,
    readonly reason: string,
  ) {
    super(`Teams conversation unreachable: ${reason}`);
  }
}

export interface TeamsSender {
  /**
   * Sends the activities in order; resolves when all are out. Throws ConversationGoneError, ServiceUrlRefusedError
   * (no app id and a serviceUrl off this machine: nothing sent) or the send error.
   */
  send(conversationId: string, activities: Partial<Activity>[]): Promise<void>;
}

export interface SenderDeps {
  adapter: CloudAdapter;
  /** With authentication on it must be the configured app id (any other value is refused by the SDK). */
  appId: string;
  db: Db;
  logger: Logger;
  clock: () => Date;
  sleep?: (ms: number) => Promise<void>;
  maxRetries?: number;
}

/** Teams answers these with "try later": retried with back-off. 403/404 mean the bot is gone from there. */
const RETRIED = new Set([412, 429, 502, 504]);
const GONE = new Set([403, 404]);
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

interface RestLike {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined } };
}

const statusOf = (error: unknown): number | undefined => (error as RestLike | null)?.statusCode;

function retryAfterMs(error: unknown): number | null {
  const header = (error as RestLike | null)?.response?.headers?.get?.('retry-after');
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * Proactive sends (digests, reminders). Sends to one conversation are sequential and held to Teams'
 * per-conversation and per-tenant rates. Errors raised inside the SDK's callback would reach onTurnError and be
 * swallowed: they are caught there and re-thrown to the caller.
 */
export function createTeamsSender(deps: SenderDeps): TeamsSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = deps.maxRetries ?? 5;
  const chains = new Map<string, Promise<void>>();
  const perConversation = new Map<string, RateLimiter>();
  const perTenant = new Map<string, RateLimiter>();
  const limiter = (map: Map<string, RateLimiter>, key: string, windows: typeof TEAMS_PER_TENANT) => {
    const found = map.get(key) ?? createRateLimiter(windows, undefined, sleep);
    map.set(key, found);
    return found;
  };

  const sendOne = async (
    ref: ConversationRef,
    target: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ) => {
    for (let attempt = 0; ; attempt++) {
      await limiter(perConversation, ref.conversationId, TEAMS_PER_CONVERSATION).take();
      await limiter(perTenant, ref.tenantId ?? '', TEAMS_PER_TENANT).take();
      try {
        return await deliver(deps, ref, target, activity);
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && GONE.has(status)) throw gone(deps, ref, error, status);
        if (status === undefined || !RETRIED.has(status) || attempt >= maxRetries) throw error;
        const delayMs = retryAfterMs(error) ?? jitteredBackoff(attempt, BASE_DELAY_MS, MAX_DELAY_MS);
        deps.logger.warn(
          { conversationId: ref.conversationId, status, attempt, delayMs },
          'teams: send throttled',
        );
        await sleep(delayMs);
      }
    }
  };

  const sendAll = async (conversationId: string, activities: Partial<Activity>[]) => {
    const ref = findConversationRef(deps.db, TEAMS_CHANNEL, conversationId);
    if (!ref) throw new ConversationGoneError(conversationId, 'no conversation reference');
    if (ref.deadAt) throw new ConversationGoneError(conversationId, ref.deadReason ?? 'dead');
    let target = ref.reference as Partial<ConversationReference>;
    // Without an app id nothing proves who we are: digests and reminders then go only to this machine.
    assertMaySendTo(deps.appId !== '', target.serviceUrl);
    for (const activity of activities) {
      const thread = await sendOne(ref, target, activity);
      // A channel post opens a thread: the rest of the message goes into it.
      if (thread)
        target = { ...target, conversation: { ...target.conversation, id: thread } } as typeof target;
    }
  };

  return {
    send(conversationId, activities) {
      const previous = chains.get(conversationId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => sendAll(conversationId, activities));
      chains.set(conversationId, next);
      void next
        .catch(() => undefined)
        .finally(() => {
          if (chains.get(conversationId) === next) chains.delete(conversationId);
        });
      return next;
    },
  };
}

function gone(deps: SenderDeps, ref: ConversationRef, error: unknown, status: number): ConversationGoneError {
  const reason = `${status} ${(error as RestLike).code ?? ''}`.trim();
  markConversationDead(deps.db, TEAMS_CHANNEL, ref.conversationId, reason, deps.clock());
  const unsubscribed = unsubscribe(deps.db, TEAMS_CHANNEL, ref.conversationId, null);
  deps.logger.warn(
    { conversationId: ref.conversationId, reason, unsubscribed },
    'teams: bot no longer in the conversation; reference marked dead and digests unsubscribed',
  );
  return new ConversationGoneError(ref.conversationId, reason);
}

/**
 * One activity. A channel (bare channel id, no thread yet) gets a new post through createConversation; returns
 * the new thread's id. Anything else continues the stored conversation.
 */
async function deliver(
  deps: SenderDeps,
  ref: ConversationRef,
  target: Partial<ConversationReference>,
  activity: Partial<Activity>,
): Promise<string | null> {
  let failure: unknown = null;
  const capture = (send: (context: TurnContext) => Promise<unknown>) => async (context: TurnContext) => {
    try {
      await send(context);
    } catch (error) {
      failure = error;
    }
  };
  const channelId = target.conversation?.id ?? '';
  if (ref.kind === 'channel' && !channelId.includes(';')) {
    let thread: string | null = null;
    await deps.adapter.createConversationAsync(
      deps.appId,
      target.channelId ?? 'msteams',
      target.serviceUrl ?? '',
      // No audience: the SDK then uses the Bot Framework's default scope.
      undefined as unknown as string,
      {
        isGroup: true,
        bot: target.bot ?? { id: '', name: '' },
        channelData: {
          channel: { id: channelId },
          ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}),
        },
        activity: activity as Activity,
        ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      },
      capture(async (context) => {
        thread = context.activity.conversation?.id ?? null;
      }),
    );
    if (failure) throw failure;
    return thread;
  }
  await deps.adapter.continueConversationAsync(
    deps.appId,
    target,
    capture((context) => context.sendActivity(activity)),
  );
  if (failure) throw failure;
  return null;
}
