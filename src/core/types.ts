import type { TaskRef } from '../intent/entities/task-ref.ts';
import type { Asked, QueryFrame } from '../intent/frame/frame.ts';
import type { Intent } from '../intent/intents.ts';
import type { Db } from '../kb/open.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import type { User } from '../kb/users-repo.ts';
import type { Block } from '../reply/doc.ts';
import type { AnswerTask } from '../reply/format-task.ts';
import type { NormalizedMessage } from '../vi/message.ts';
import type { Knowledge } from './knowledge.ts';
import type { ResponsibilityFilter } from './responsibility.ts';
import type { UnitMatch } from './unit-matcher.ts';

/** One message in, as any adapter hands it to the core. */
export interface Inbound {
  channel: string;
  /** The platform's id of the person. */
  userKey: string;
  text: string;
  /** Overrides "today" (YYYY-MM-DD, Asia/Ho_Chi_Minh): tests and the CLI pin the day. */
  today?: string;
  /** The conversation the message came from (a group, or the private chat): digests are subscribed per chat. */
  chat?: { id: string; isGroup: boolean };
  /** The person's name as the platform shows it, kept so that an admin can tell people apart when approving. */
  displayName?: string | null;
}

export interface Entities {
  units?: string[];
  unit?: string;
  taskRef?: string;
  timeRange?: { from: string; to: string; label: string };
  year?: number;
  planNumber?: string;
  responsibility?: ResponsibilityFilter;
  topic?: string;
  percent?: number;
  actual?: number;
  status?: string;
  scope?: { planIds: string[]; year: number | null };
  /** The whole parsed question (src/intent/frame/), for a question about tasks. */
  frame?: QueryFrame;
}

/** The last question answered and the one task it showed, kept 30 minutes for a follow-up. */
export interface LastQuery {
  frame: QueryFrame;
  /** The task a follow-up's "nhiệm vụ đó" means: set when the answer showed exactly one. */
  focus: string | null;
}

/**
 * The neutral answer. `doc` is what to say, in blocks each adapter renders for its platform (src/reply/doc.ts);
 * `reply` is the same as plain text (Zalo, the command line, `ask --json`), made from `doc` in one place.
 */
export interface Answer {
  intent: Intent;
  entities: Entities;
  /** The full result set, not only the page shown. */
  tasks: AnswerTask[];
  doc: Block[];
  reply: string;
}

/** Everything a handler needs about the current message. */
export interface Turn {
  db: Db;
  k: Knowledge;
  user: User;
  /** The asker's unit and organisation, when registered. */
  unit: UnitNode | null;
  org: UnitNode | null;
  msg: NormalizedMessage;
  /** The chat the message came from; a private chat when the adapter does not say. */
  chat: { id: string; isGroup: boolean };
  /** The first message this person ever sent: the reply invites them to register. */
  firstContact: boolean;
  now: Date;
  today: string;
  units: UnitMatch[];
  refs: TaskRef[];
  year: number | null;
  planNumber: string | null;
  appendix: string | null;
  responsibility: ResponsibilityFilter;
  /** Where this server is reached from outside ("https://bot.so.gov.vn"): download links start with it. */
  publicBaseUrl: string;
}

/** What a handler returns: the answer (without its plain text), plus the state to keep for the next message. */
export interface HandlerResult extends Omit<Answer, 'reply'> {
  state?: ConversationState | null;
}

export type ConversationState =
  | {
      kind: 'page';
      intent: Intent;
      entities: Entities;
      header: string;
      taskIds: string[];
      offset: number;
      /** Whose list it is, and each task's part in it, so the next page reads like the first. */
      unitId: number | null;
      parts: Pick<AnswerTask, 'id' | 'responsibility' | 'via' | 'namedAs'>[];
      /** What the list answers (who leads, the targets …): each page shows the same facts. */
      asked?: Asked;
      last?: LastQuery;
    }
  | { kind: 'last'; last: LastQuery }
  | { kind: 'choice'; intent: 'task_detail' | 'report_progress'; taskIds: string[]; text: string }
  | { kind: 'choose-unit'; intent: Intent; unitIds: number[]; text: string };
