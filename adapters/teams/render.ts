import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { Answer } from '../../src/core/types.ts';
import { type Doc, docWords, fromPlainText } from '../../src/reply/doc.ts';
import { splitText } from '../split-text.ts';
import { docCard } from './card.ts';
import { toTeamsMarkdown } from './markdown.ts';

/** A text reply longer than this goes out in several messages (Teams refuses a message over 100 KB in UTF-16). */
export const TEXT_LIMIT = 20_000;

/** Blocks a card lays out better than paragraphs: lists of tasks, a task's facts, examples, numbered choices. */
const CARD_KINDS = new Set<Doc[number]['kind']>(['task', 'field', 'bullet', 'choice', 'group']);

/**
 * The one step from the core's neutral answer to Teams: an answer with structure (a task list, a task's detail,
 * "hướng dẫn", the chat summary, a choice) as one Adaptive Card — alone, since Teams splits text plus an attachment
 * into two messages; anything else as Markdown with one paragraph a line.
 */
export function renderDoc(value: Doc): Partial<Activity>[] {
  if (value.some((b) => CARD_KINDS.has(b.kind))) {
    return [
      {
        type: ActivityTypes.Message,
        attachments: [CardFactory.adaptiveCard(docCard(value))],
        // Shown in notifications and by clients that cannot draw the card.
        summary: summaryOf(value),
      },
    ];
  }
  return splitText(toTeamsMarkdown(value), TEXT_LIMIT).map((piece) => ({
    type: ActivityTypes.Message,
    text: piece,
    textFormat: 'markdown',
  }));
}

/** An answer as Teams activities; one stored before answers had blocks is read from its plain text. */
export function renderAnswer(answer: Pick<Answer, 'reply'> & { doc?: Answer['doc'] }): Partial<Activity>[] {
  return renderDoc(answer.doc ?? fromPlainText(answer.reply));
}

function summaryOf(value: Doc): string {
  const [first] = value;
  return first ? docWords([first]).slice(0, 200) : '';
}
