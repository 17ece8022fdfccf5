/**
 * The plan-level parts of a narrative plan: its Roman-numbered parts, the heading (title, index, province,
 * year), the goals of "II. MỤC TIÊU" and the completion deadline ("4. Thời gian hoàn thành: Trước ngày …").
 */

import { fold } from '../../vi/fold.ts';
import type { PlanGoal, PlanHeading } from '../types.ts';
import type { Paragraph } from './paragraphs.ts';

/** Indexes a plan may serve, as written in parentheses in its title and goals. */
export const PLAN_INDEXES = ['PAR INDEX', 'SIPAS', 'PAPI'] as const;
export type PlanIndex = (typeof PLAN_INDEXES)[number];

export const PART_KINDS = ['goals', 'tasks', 'implementation'] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** Folded titles of the Roman-numbered parts this parser reads; "I. MỤC ĐÍCH, YÊU CẦU" is not one of them. */
const PART_TITLES: Readonly<Record<string, PartKind>> = {
  'muc tieu': 'goals',
  'nhiem vu, giai phap': 'tasks',
  'to chuc thuc hien': 'implementation',
};

export interface Part {
  kind: PartKind | null;
  code: string;
  /** The title in sentence case: "Tổ chức thực hiện". */
  title: string;
  paragraphs: Paragraph[];
}

/** Paragraphs before the first Roman-numbered part, and the parts up to the closing formula. */
export function splitParts(paragraphs: readonly Paragraph[]): { preamble: Paragraph[]; parts: Part[] } {
  const preamble: Paragraph[] = [];
  const parts: Part[] = [];
  for (const paragraph of paragraphs) {
    if (isClosing(paragraph)) break;
    if (paragraph.kind === 'roman') {
      const kind = PART_TITLES[fold(paragraph.body)] ?? null;
      parts.push({ kind, code: paragraph.code, title: toSentenceCase(paragraph.body), paragraphs: [] });
    } else {
      (parts.at(-1)?.paragraphs ?? preamble).push(paragraph);
    }
  }
  return { preamble, parts };
}

/** "Yêu cầu … để xem xét, giải quyết./." ends the body of a document; "Nơi nhận:" starts its distribution list. */
function isClosing(paragraph: Paragraph): boolean {
  return paragraph.body.endsWith('./.') || fold(paragraph.body).startsWith('noi nhan');
}

export function toHeading(preamble: readonly Paragraph[]): PlanHeading {
  const titleAt = preamble.findIndex((paragraph) => fold(paragraph.body) === 'ke hoach') + 1;
  const title = [preamble[titleAt], ...titleTail(preamble.slice(titleAt + 1))]
    .map((paragraph) => paragraph?.body ?? '')
    .join(' ')
    .trim();
  const years = [...title.matchAll(/năm (\d{4})/gu)].map((match) => Number(match[1]));
  const province = /tỉnh\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)/u.exec(title)?.[1] ?? null;
  const year = years.at(-1) ?? null;
  const fromTitle = { kind: 'title', text: 'từ tiêu đề' } as const;
  return {
    code: null,
    issuer: null,
    province,
    date: null,
    year,
    title,
    index: joinIndexes(findIndexes(title)),
    appendix: null,
    sources: { ...(province ? { province: fromTitle } : {}), ...(year ? { year: fromTitle } : {}) },
  };
}

/** A title cut across a page ("… Chỉ số cải cách hành chính" / "(PAR INDEX) tỉnh Lạng Sơn năm 2023"): its tail. */
function titleTail(after: readonly Paragraph[]): Paragraph[] {
  const tail: Paragraph[] = [];
  for (const paragraph of after) {
    const continues = /^[(\p{Ll}]/u.test(paragraph.body) && paragraph.body.length < TITLE_TAIL_MAX;
    if (paragraph.kind !== 'none' || !continues || /[.:]$/u.test(paragraph.body)) break;
    tail.push(paragraph);
  }
  return tail;
}

const TITLE_TAIL_MAX = 100;

export function toGoals(part: Part | undefined): PlanGoal[] {
  const goals = part?.paragraphs.filter((paragraph) => paragraph.kind === 'decimal') ?? [];
  return goals.map((paragraph) => ({ index: findIndexes(paragraph.body)[0] ?? null, text: paragraph.body }));
}

/** "4. Thời gian hoàn thành: …": the deadline of the whole plan, not a task. */
export function isDeadline(paragraph: Paragraph): boolean {
  return paragraph.kind === 'decimal' && fold(paragraph.body).startsWith('thoi gian hoan thanh');
}

/** "Trước ngày 30 tháng 11 năm 2023" from "Thời gian hoàn thành: Trước ngày 30 tháng 11 năm 2023, các cơ …". */
export function findPlanDeadline(parts: readonly Part[]): string | null {
  const paragraph = parts.flatMap((part) => part.paragraphs).find(isDeadline);
  if (paragraph === undefined) return null;
  const phrase = paragraph.body.slice(paragraph.body.indexOf(':') + 1).split(/[,;]/u)[0] ?? '';
  const deadline = phrase.trim().replace(/\.$/u, '');
  return deadline === '' ? null : deadline;
}

/** Indexes named in parentheses, in the order the text names them. */
function findIndexes(text: string): PlanIndex[] {
  return PLAN_INDEXES.map((index) => ({ index, at: text.indexOf(`(${index})`) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ index }) => index);
}

function joinIndexes(indexes: readonly PlanIndex[]): string | null {
  return indexes.length === 0 ? null : indexes.join(', ');
}

function toSentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
