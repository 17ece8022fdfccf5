import { findPersonalConversation } from '../kb/conversation-refs-repo.ts';
import type { Db } from '../kb/open.ts';
import type { User } from '../kb/users-repo.ts';

/**
 * Where a private message to a person goes. On Zalo the private chat's id is the person's id; Teams needs the
 * personal conversation the bot has seen (a reference is required to write first).
 */
export function privateRoute(db: Db, user: User): { channel: string; chatId: string } | null {
  if (user.channel === 'zalo') return { channel: 'zalo', chatId: user.externalId };
  if (user.channel === 'teams') {
    const chatId = findPersonalConversation(db, 'teams', user.externalId);
    return chatId ? { channel: 'teams', chatId } : null;
  }
  return null;
}
