import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { Answer } from '../../src/core/types.ts';
import { splitText } from '../split-text.ts';
import { taskListCard } from './card.ts';

/** A text reply longer than this goes out in several messages (Teams refuses a message over 100 KB in UTF-16). */
export const TEXT_LIMIT = 20_000;

/**
 * The neutral answer as Teams activities: a task list as an Adaptive Card (alone: Teams splits text plus an
 * attachment into two messages), anything else as plain text, which keeps the line breaks and "↳" of the core's
 * replies as they are (markdown would read "1." and "*" as its own).
 */
export function renderAnswer(answer: Answer): Partial<Activity>[] {
  const { list, reply } = answer;
  if (list && list.items.length > 0 && reply.startsWith(list.text)) {
    const notes = reply.slice(list.text.length).split('\n');
    const card = taskListCard(list, [...list.footer, ...notes]);
    return [
      {
        type: ActivityTypes.Message,
        attachments: [CardFactory.adaptiveCard(card)],
        // Shown in notifications and by clients that cannot draw the card.
        summary: list.header.split('\n')[0] ?? '',
      },
    ];
  }
  return splitText(reply, TEXT_LIMIT).map((piece) => ({
    type: ActivityTypes.Message,
    text: piece,
    textFormat: 'plain',
  }));
}
