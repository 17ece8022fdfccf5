/** The chat benchmark's figures from the timed outcomes: percentiles, throughput, the slowest messages. */
import type { MessageSet } from './chat-messages.ts';

/** The target: at 100,000 tasks, 99 % of messages answered in under 10 ms. */
const TARGET = { p99Ms: 10, tasks: 100_000 } as const;

export interface TargetVerdict {
  p99BelowMs: number;
  atTasks: number;
  /** Tasks in the corpus the chat benchmark used, and its p99 there. */
  tasks: number;
  p99Ms: number;
  /** null when the corpus is smaller than the target's (a --quick run). */
  met: boolean | null;
}

/** One timed `handle` call. */
export interface Outcome {
  ms: number;
  intent: string;
}

export interface Percentiles {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SlowMessage {
  /** At most 80 characters of the message (a very long one is shown by its length). */
  text: string;
  user: string;
  intent: string;
  medianMs: number;
  maxMs: number;
}

export interface ChatFigures extends Percentiles {
  messages: number;
  users: number;
  rounds: number;
  /** The very first message: it builds the knowledge cache (unit tree, unit matcher). */
  firstMessageMs: number;
  /** Messages per second of `handle` time (one core, one message at a time). */
  messagesPerSecond: number;
  /** Messages with an expected intent, and those whose answer had another one. */
  expectedIntents: number;
  intentMismatches: { text: string; expected: string; got: string }[];
  slowest: SlowMessage[];
  byIntent: Record<string, Percentiles>;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export function toPercentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    samples: sorted.length,
    meanMs: sum / Math.max(1, sorted.length),
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

function shortText(text: string): string {
  if (text.length > 200) return `(${text.length.toLocaleString('en-US')} characters) ${text.slice(0, 40)}…`;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The messages with the highest median over the rounds. */
function slowest(set: MessageSet, outcomes: Outcome[][], count: number): SlowMessage[] {
  return set.messages
    .map((message, i) => {
      const runs = outcomes[i] ?? [];
      const { p50Ms, maxMs } = toPercentiles(runs.map((o) => o.ms));
      return {
        text: shortText(message.text),
        user: message.userKey ?? 'new user',
        intent: runs[0]?.intent ?? '?',
        medianMs: p50Ms,
        maxMs,
      };
    })
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, count);
}

function byIntent(outcomes: Outcome[][]): Record<string, Percentiles> {
  const groups = new Map<string, number[]>();
  for (const o of outcomes.flat()) groups.set(o.intent, [...(groups.get(o.intent) ?? []), o.ms]);
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(sorted.map(([intent, ms]) => [intent, toPercentiles(ms)]));
}

function mismatches(set: MessageSet, outcomes: Outcome[][]): ChatFigures['intentMismatches'] {
  return set.messages.flatMap((message, i) => {
    const got = outcomes[i]?.[0]?.intent;
    if (message.expected === null || got === undefined || got === message.expected) return [];
    return [{ text: shortText(message.text), expected: message.expected, got }];
  });
}

export function toChatFigures(
  set: MessageSet,
  outcomes: Outcome[][],
  run: { rounds: number; firstMessageMs: number },
): ChatFigures {
  const all = toPercentiles(outcomes.flat().map((o) => o.ms));
  return {
    messages: set.messages.length,
    users: set.users.length,
    rounds: run.rounds,
    firstMessageMs: run.firstMessageMs,
    ...all,
    messagesPerSecond: all.samples / ((all.meanMs * all.samples) / 1000),
    expectedIntents: set.messages.filter((m) => m.expected !== null).length,
    intentMismatches: mismatches(set, outcomes),
    slowest: slowest(set, outcomes, 5),
    byIntent: byIntent(outcomes),
  };
}

export function judgeTarget(corpus: ChatFigures, tasks: number): TargetVerdict {
  const met = tasks < TARGET.tasks ? null : corpus.p99Ms < TARGET.p99Ms;
  return { p99BelowMs: TARGET.p99Ms, atTasks: TARGET.tasks, tasks, p99Ms: corpus.p99Ms, met };
}
