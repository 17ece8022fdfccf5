import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';

/** What the core needs from a Teams activity; everything else about Teams stays in this folder. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface TeamsInbound {
  /** The person: Entra object id when Teams gives it (stable across bots), else the bot-scoped `29:` id. */
  userKey: string;
  kind: ConversationKind;
  /** The conversation as the core sees it: a channel without the thread suffix, so a subscription is the channel's. */
  chatId: string;
  /** The message without the bot's mention. */
  text: string;
  /** The person's name as Teams shows it. */
  displayName: string | null;
}

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  // Older clients omit conversationType: isGroup still tells a group from a person.
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** `19:…@thread.tacv2;messageid=173…` is one thread of the channel; the channel is the part before `;`. */
export function chatIdOf(activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? '';
  return conversationKind(activity) === 'channel' ? (id.split(';')[0] ?? id) : id;
}

export function userKeyOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId || activity.from?.id || '';
}

/**
 * The text without the bot's @mention. The mention entities are trusted (Teams' advice), not the `<at>` markup:
 * removeRecipientMention removes the text of the entity that names this bot. Other people's mentions keep their
 * names, without the markup.
 */
export function messageText(activity: Activity): string {
  const copy = { ...activity, entities: activity.entities ?? [] } as Activity;
  const without = TurnContext.removeRecipientMention(copy) ?? activity.text ?? '';
  return without
    .replace(/<at>(.*?)<\/at>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

export function parseTeamsMessage(activity: Activity): TeamsInbound {
  return {
    userKey: userKeyOf(activity),
    kind: conversationKind(activity),
    chatId: chatIdOf(activity),
    text: messageText(activity),
    displayName: activity.from?.name?.trim() || null,
  };
}

/**
 * The reference kept for proactive sends. A channel's is kept for the channel itself (no thread), so a digest
 * starts a new post instead of answering an old thread.
 */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = reference.conversation;
  if (!conversation) return reference;
  return { ...reference, conversation: { ...conversation, id: chatIdOf(activity) } };
}
