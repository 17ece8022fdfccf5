/**
 * Turns the paragraphs of "III. NHIỆM VỤ, GIẢI PHÁP" and "IV. TỔ CHỨC THỰC HIỆN" into task rows: numbered
 * headings become heading rows, criterion blocks and lettered items become tasks.
 */
import type { DocumentWarning, RawTaskRow } from '../types.ts';
import type { Block, SectionRef, Units } from './blocks.ts';
import { isNote, isUnitLine, NO_UNITS, readCriterion, readLettered, toRow } from './blocks.ts';
import type { Paragraph } from './paragraphs.ts';
import { isDeadline } from './plan.ts';
import { toBodyText, trimPunctuation } from './subject.ts';

/** Parts of a plan that hold tasks: index blocks of criteria, or bodies with their lettered duties. */
export const TASK_PART_KINDS = ['tasks', 'implementation'] as const;
export type TaskPartKind = (typeof TASK_PART_KINDS)[number];

export interface TaskPart {
  kind: TaskPartKind;
  /** The part's own section, used until an index block ("1. Chỉ số …") opens another. */
  section: SectionRef;
  paragraphs: readonly Paragraph[];
}

interface Parent {
  stt: string;
  /** The body a heading names ("2. Sở Nội vụ"), lead of its items whose sentence starts with a verb. */
  body: string;
  criteria: number;
  topics: number;
}

interface Walk {
  part: TaskPart;
  section: SectionRef;
  parent: Parent | null;
  rows: RawTaskRow[];
  warnings: DocumentWarning[];
}

export function toTaskRows(part: TaskPart): { rows: RawTaskRow[]; warnings: DocumentWarning[] } {
  const walk: Walk = { part, section: part.section, parent: null, rows: [], warnings: [] };
  let index = 0;
  while (index < part.paragraphs.length) index = step(walk, index);
  return { rows: walk.rows, warnings: walk.warnings };
}

function step(walk: Walk, index: number): number {
  const paragraph = walk.part.paragraphs[index];
  if (paragraph === undefined) return index + 1;
  switch (paragraph.kind) {
    case 'decimal':
      return onNumbered(walk, paragraph, index);
    case 'paren':
      return onCriterion(walk, index, Number(paragraph.code));
    case 'letter':
      return onLettered(walk, paragraph, index);
    case 'dash':
      return onTopic(walk, paragraph, index);
    case 'none':
      return onProse(walk, paragraph, index);
    case 'plus':
      return skip(walk, paragraph, index, 'gạch đầu dòng nằm ngoài khối nhiệm vụ');
    case 'roman':
      return skip(walk, paragraph, index, 'đề mục lớn nằm giữa một phần');
    default:
      return assertNever(paragraph.kind);
  }
}

function onNumbered(walk: Walk, paragraph: Paragraph, index: number): number {
  const paragraphs = walk.part.paragraphs;
  if (isDeadline(paragraph)) return index + 1;
  if (walk.part.kind === 'tasks' && !paragraph.code.includes('.')) {
    walk.section = { code: paragraph.code, title: paragraph.body };
    walk.parent = null;
    return index + 1;
  }
  const body = walk.part.kind === 'implementation' ? toBodyText(paragraph.body) : '';
  if (isUnitLine(paragraphs[index + 1])) {
    return emit(walk, paragraph.line, paragraph.code, readCriterion(paragraphs, index, paragraph.body));
  }
  if (isOwnTask(paragraphs, index)) {
    const block = readLettered(paragraphs, index + 1, body);
    return emit(walk, paragraph.line, paragraph.code, block);
  }
  walk.rows.push(toRow(walk.section, paragraph.line, paragraph.code, paragraph.body, NO_UNITS));
  walk.parent = { stt: paragraph.code, body, criteria: 0, topics: 0 };
  return index + 1;
}

/** A heading followed by prose and nothing else ("6. Đề nghị …" + "Phối hợp với …") is itself the task. */
function isOwnTask(paragraphs: readonly Paragraph[], index: number): boolean {
  const next = paragraphs[index + 1];
  const after = paragraphs[index + 2];
  const childKinds = ['paren', 'letter', 'dash', 'plus'];
  return (
    next?.kind === 'none' &&
    !isNote(next) &&
    !isUnitLine(after) &&
    (after === undefined || !childKinds.includes(after.kind))
  );
}

/** A criterion block "(n) Tiêu chí …", or an unnumbered one right under its heading (numbered `n` here). */
function onCriterion(walk: Walk, index: number, number: number): number {
  const paragraph = walk.part.paragraphs[index];
  if (paragraph === undefined) return index + 1;
  const parent = walk.parent;
  if (parent === null) return skip(walk, paragraph, index, 'tiêu chí không thuộc mục đánh số nào');
  parent.criteria = number;
  const block = readCriterion(walk.part.paragraphs, index, paragraph.body);
  return emit(walk, paragraph.line, `${parent.stt} (${number})`, block);
}

function onLettered(walk: Walk, paragraph: Paragraph, index: number): number {
  const parent = walk.parent;
  const stt = parent === null ? `${paragraph.code})` : `${parent.stt} ${paragraph.code})`;
  const block = readLettered(walk.part.paragraphs, index, parent?.body ?? '');
  if (block.units.lead === '') warn(walk, paragraph.line, `no responsible body found for ${stt}`);
  return emit(walk, paragraph.line, stt, block);
}

/** "- Lĩnh vực cải cách thể chế: Sở Tư pháp chủ trì tham mưu." under a heading: topic before the colon. */
function onTopic(walk: Walk, paragraph: Paragraph, index: number): number {
  const parent = walk.parent;
  const colon = paragraph.body.indexOf(':');
  if (parent === null || colon < 0)
    return skip(walk, paragraph, index, 'gạch đầu dòng nằm ngoài khối nhiệm vụ');
  parent.topics += 1;
  const units: Units = { lead: trimPunctuation(paragraph.body.slice(colon + 1)), coordinate: '' };
  const stt = `${parent.stt} (${parent.topics})`;
  walk.rows.push(toRow(walk.section, paragraph.line, stt, paragraph.body.slice(0, colon).trim(), units));
  return index + 1;
}

function onProse(walk: Walk, paragraph: Paragraph, index: number): number {
  if (isNote(paragraph)) return index + 1;
  if (isUnitLine(walk.part.paragraphs[index + 1]))
    return onCriterion(walk, index, (walk.parent?.criteria ?? 0) + 1);
  return skip(walk, paragraph, index, 'đoạn văn không phải đề mục cũng không phải nhiệm vụ');
}

function emit(walk: Walk, line: number, stt: string, block: Block): number {
  walk.rows.push(toRow(walk.section, line, stt, block.content, block.units));
  return block.next;
}

function skip(walk: Walk, paragraph: Paragraph, index: number, what: string): number {
  warn(walk, paragraph.line, `bỏ qua ${what}: "${paragraph.body.slice(0, 60)}…"`);
  return index + 1;
}

function warn(walk: Walk, line: number, message: string): void {
  walk.warnings.push({ line, message });
}

function assertNever(value: never): never {
  throw new Error(`unexpected paragraph kind: ${String(value)}`);
}
