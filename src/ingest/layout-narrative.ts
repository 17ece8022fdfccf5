/**
 * The narrative layout: a plan written as prose (a PDF extraction), whose tasks are criterion blocks
 * ("(1) Tiêu chí …" / "- Cơ quan chủ trì tham mưu: …" / "- Nhiệm vụ, giải pháp: …") and lettered duties
 * ("a) UBND các xã, phường, thị trấn thực hiện …") rather than rows of a table.
 */

import { toNfc } from '../vi/fold.ts';
import { toParagraphs } from './narrative/paragraphs.ts';
import type { Part } from './narrative/plan.ts';
import { findPlanDeadline, splitParts, toGoals, toHeading } from './narrative/plan.ts';
import type { TaskPartKind } from './narrative/walk.ts';
import { TASK_PART_KINDS, toTaskRows } from './narrative/walk.ts';
import { completeHeading } from './plan-identity.ts';
import type { DocumentWarning, ParsedDocument, RawTaskRow } from './types.ts';

const UNIT_BLOCK = /^[ \t]*-[ \t]*Cơ quan chủ trì tham mưu[ \t]*:/imu;
const TASKS_PART = /NHIỆM VỤ, GIẢI PHÁP/u;
const NUMBERED_CRITERION = /^[ \t]*\(\d+\)[ \t]+Tiêu chí/imu;
/** Lines with tabs are table rows: such a text is a table layout, whatever its headings say. */
const TAB_LINE = /\t/u;
const MAX_TAB_LINES = 1;

export function looksNarrative(text: string): boolean {
  const normalized = toNfc(text);
  if (normalized.split('\n').filter((line) => TAB_LINE.test(line)).length > MAX_TAB_LINES) return false;
  return UNIT_BLOCK.test(normalized) || (TASKS_PART.test(normalized) && NUMBERED_CRITERION.test(normalized));
}

export function parseNarrative(text: string): ParsedDocument {
  const { preamble, parts } = splitParts(toParagraphs(text));
  const rows: RawTaskRow[] = [];
  const warnings: DocumentWarning[] = [];
  for (const part of parts) {
    if (!isTaskPart(part)) continue;
    const section = { code: part.code, title: part.title };
    const found = toTaskRows({ kind: part.kind, section, paragraphs: part.paragraphs });
    rows.push(...found.rows);
    warnings.push(...found.warnings);
  }
  return {
    layout: 'narrative',
    heading: completeHeading(toHeading(preamble), {
      preamble: toNfc(text).split('\n'),
      prose: preamble.map((paragraph) => paragraph.body),
      after: closingLines(text),
      body: parts.flatMap((part) => part.paragraphs.map((paragraph) => paragraph.body)),
    }),
    rows,
    goals: toGoals(parts.find((part) => part.kind === 'goals')),
    planDeadline: findPlanDeadline(parts),
    warnings,
  };
}

/** The lines after the closing formula ("…giải quyết./.") and the distribution list: the signature block. */
function closingLines(text: string): string[] {
  const lines = toNfc(text).split('\n');
  const closing = lines.findLastIndex((line) => /\.\/\.\s*$|^\s*Nơi nhận\b/u.test(line));
  return closing >= 0 ? lines.slice(closing + 1) : [];
}

function isTaskPart(part: Part): part is Part & { kind: TaskPartKind } {
  return TASK_PART_KINDS.some((kind) => kind === part.kind);
}
