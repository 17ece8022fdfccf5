import { type Activity, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createAnswerOnce } from '../../src/core/answer-once.ts';
import type { Assistant } from '../../src/core/assistant.ts';
import { removeConversationRef, saveConversationRef } from '../../src/kb/conversation-refs-repo.ts';
import { claimUpdate, markHandled, takeOverOrphan } from '../../src/kb/inbound-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { unsubscribe } from '../../src/kb/subscriptions-repo.ts';
import { doc } from '../../src/reply/doc.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { chatIdOf, conversationKind, parseTeamsMessage, referenceOf, userKeyOf } from './inbound.ts';
import { renderAnswer, renderDoc } from './render.ts';

export const TEAMS_CHANNEL = 'teams';

export interface TeamsBotDeps {
  db: Db;
  assistant: Assistant;
  logger: Logger;
  clock: () => Date;
  /** This server in the `instances` table: a claim names it, so work left by a dead server can be taken over. */
  instanceId: string;
}

/** Sends one reply: through the turn for a live activity, through a proactive continuation for a replay. */
export type SendReply = (reply: Partial<Activity>) => Promise<unknown>;

/**
 * Translates Teams activities to the core and back, and keeps the conversation references proactive sends need
 * (saved on install and on every message, removed on uninstall). No business rule lives here.
 */
export class NhiemvuTeamsBot extends TeamsActivityHandler {
  /** The core's answer, stored with the claim: a replay after a crash sends it, never runs the message again. */
  private readonly answerOnce: ReturnType<typeof createAnswerOnce>;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.answerOnce = createAnswerOnce(deps.db, deps.assistant);
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      this.remember(context.activity);
      for (const reply of renderDoc(doc(MESSAGES.greeting))) await context.sendActivity(reply);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      this.forget(context.activity, 'uninstalled');
      await next();
    });
    // Added to or removed from a team or a group chat (Teams also sends installationUpdate; either one is enough).
    this.onConversationUpdate(async (context, next) => {
      const { activity } = context;
      const botId = activity.recipient?.id;
      if (activity.membersAdded?.some((m) => m.id === botId)) this.remember(activity);
      if (activity.membersRemoved?.some((m) => m.id === botId)) this.forget(activity, 'removed');
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const { db, clock, logger } = this.deps;
    const chatId = chatIdOf(activity);
    const messageId = activity.id ?? '';
    // Bot Framework may deliver again when the answer is slow: answer each activity once.
    if (messageId !== '' && !this.claim(chatId, messageId, activity)) {
      logger.info({ chatId, messageId }, 'teams: duplicate delivery dropped');
      return;
    }
    await this.respond(activity, (reply) => context.sendActivity(reply));
    if (messageId !== '') markHandled(db, TEAMS_CHANNEL, chatId, messageId, clock());
  }

  /**
   * Claims a delivery, storing the activity so it can be answered after a crash. A redelivery of one that was
   * stored but never answered, by a server that is gone, is taken over; one still being answered is not.
   */
  private claim(chatId: string, messageId: string, activity: Activity): boolean {
    const { db, clock, logger, instanceId } = this.deps;
    const now = clock();
    const payload = JSON.stringify(activity);
    if (claimUpdate(db, TEAMS_CHANNEL, chatId, messageId, payload, now, instanceId)) return true;
    if (!takeOverOrphan(db, TEAMS_CHANNEL, chatId, messageId, instanceId, now)) return false;
    logger.info({ chatId, messageId }, 'teams: redelivery of an activity a stopped server left unanswered');
    return true;
  }

  /** The core's answer to a message activity, sent through `send`. The caller has claimed it. */
  async respond(activity: Activity, send: SendReply): Promise<void> {
    this.remember(activity);
    const inbound = parseTeamsMessage(activity);
    if (inbound.text === '') {
      // An image, a file or a card without words: in a group say nothing, in private say what works.
      if (inbound.kind === 'personal')
        for (const reply of renderDoc(doc(MESSAGES.nonText))) await send(reply);
      return;
    }
    const key = { channel: TEAMS_CHANNEL, chatId: inbound.chatId, messageId: activity.id ?? '' };
    const answer = this.answerOnce(key, {
      channel: TEAMS_CHANNEL,
      userKey: inbound.userKey,
      displayName: inbound.displayName,
      text: inbound.text,
      chat: { id: inbound.chatId, isGroup: inbound.kind !== 'personal' },
    });
    for (const reply of renderAnswer(answer)) await send(reply);
  }

  private remember(activity: Activity): void {
    saveConversationRef(
      this.deps.db,
      {
        channel: TEAMS_CHANNEL,
        conversationId: chatIdOf(activity),
        kind: conversationKind(activity),
        reference: referenceOf(activity),
        tenantId: activity.conversation?.tenantId ?? null,
        userKey: conversationKind(activity) === 'personal' ? userKeyOf(activity) : null,
      },
      this.deps.clock(),
    );
  }

  private forget(activity: Activity, why: string): void {
    const conversationId = chatIdOf(activity);
    // Nothing can reach a conversation the bot left: its digest subscriptions go with the reference.
    const removed = removeConversationRef(this.deps.db, TEAMS_CHANNEL, conversationId);
    const unsubscribed = unsubscribe(this.deps.db, TEAMS_CHANNEL, conversationId, null);
    if (removed || unsubscribed > 0)
      this.deps.logger.info({ conversationId, why, unsubscribed }, 'teams: conversation reference removed');
  }
}
