import type { AnswerTask } from '../../reply/format-task.ts';
import { distinctTargets, operatorMeaning } from '../../reply/kpi-words.ts';

/** Operator answers are about a few targets at most: a long list would bury the one asked about. */
const MAX_LINES = 3;

/**
 * "tỷ lệ giải ngân tối thiểu hay trên 95%?": what each matching target's operator means, said first. A number
 * in the question picks the targets with that value; without one, every target of the tasks found.
 */
export function operatorLines(folded: string, tasks: AnswerTask[]): string[] {
  const numbers = [...folded.matchAll(/(\d+(?:[.,]\d+)?)\s*%?/g)].map((m) =>
    Number((m[1] ?? '').replace(',', '.')),
  );
  const targets = tasks.flatMap((t) => distinctTargets(t.kpis));
  const asked = targets.filter((k) => numbers.includes(k.value));
  const chosen = asked.length > 0 ? asked : targets;
  const lines = chosen.map(operatorMeaning);
  return [...new Set(lines)].slice(0, MAX_LINES);
}
