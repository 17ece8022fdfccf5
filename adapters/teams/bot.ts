import { type Activity, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Assistant } from '../../src/core/assistant.ts';
import { removeConversationRef, saveConversationRef } from '../../src/kb/conversation-refs-repo.ts';
import { claimUpdate, markHandled } from '../../src/kb/inbound-repo.ts';
import type { Db } from '../../src/kb/open.ts';
import { unsubscribe } from '../../src/kb/subscriptions-repo.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import { chatIdOf, conversationKind, parseTeamsMessage, referenceOf, userKeyOf } from './inbound.ts';
import { renderAnswer } from './render.ts';

export const TEAMS_CHANNEL = 'teams';

export interface TeamsBotDeps {
  db: Db;
  assistant: Assistant;
  logger: Logger;
  clock: () => Date;
}

/**
 * Translates Teams activities to the core and back, and keeps the conversation references proactive sends need
 * (saved on install and on every message, removed on uninstall). No business rule lives here.
 */
export class NhiemvuTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      this.remember(context.activity);
      await context.sendActivity(MESSAGES.greeting);
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
    const inbound = parseTeamsMessage(activity);
    const messageId = activity.id ?? '';
    // Bot Framework may deliver again when the answer is slow: answer each activity once.
    if (messageId !== '' && !claimUpdate(db, TEAMS_CHANNEL, inbound.chatId, messageId, '{}', clock())) {
      logger.info({ chatId: inbound.chatId, messageId }, 'teams: duplicate delivery dropped');
      return;
    }
    this.remember(activity);
    if (inbound.text === '') {
      // An image, a file or a card without words: in a group say nothing, in private say what works.
      if (inbound.kind === 'personal') await context.sendActivity(MESSAGES.nonText);
    } else {
      const answer = this.deps.assistant.handle({
        channel: TEAMS_CHANNEL,
        userKey: inbound.userKey,
        text: inbound.text,
        chat: { id: inbound.chatId, isGroup: inbound.kind !== 'personal' },
      });
      for (const reply of renderAnswer(answer)) await context.sendActivity(reply);
    }
    if (messageId !== '') markHandled(db, TEAMS_CHANNEL, inbound.chatId, messageId, clock());
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
