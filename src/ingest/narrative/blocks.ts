/**
 * Readers for the task blocks of a narrative plan. Each takes the paragraphs and the index of the block's first
 * paragraph and returns the block's content and units with the index of the first paragraph after it.
 */

import { fold } from '../../vi/fold.ts';
import type { RawTaskRow } from '../types.ts';
import type { Paragraph } from './paragraphs.ts';
import { findCoordinator, findSubject, trimPunctuation } from './subject.ts';

export const UNIT_LINE_ROLES = ['lead', 'implementer', 'coordinator', 'task'] as const;
export type UnitLineRole = (typeof UNIT_LINE_ROLES)[number];

/** Folded labels of the "- Cơ quan …: X" lines of a criterion block. */
const UNIT_LINE_LABELS: Readonly<Record<string, UnitLineRole>> = {
  'co quan chu tri tham muu': 'lead',
  'co quan chu tri': 'lead',
  'co quan thuc hien': 'implementer',
  'co quan phoi hop': 'coordinator',
  'nhiem vu, giai phap': 'task',
};

/** Role of bodies listed as "Cơ quan thực hiện", which carry no role words of their own. */
export const IMPLEMENTER_ROLE = 'thực hiện';

export interface Units {
  lead: string;
  coordinate: string;
  coordinateRole?: string;
}

export interface Block {
  content: string;
  units: Units;
  /** Index of the first paragraph after the block. */
  next: number;
}

export interface SectionRef {
  code: string;
  title: string;
}

export const NO_UNITS: Units = { lead: '', coordinate: '' };

export function toRow(
  section: SectionRef,
  line: number,
  stt: string,
  content: string,
  units: Units,
): RawTaskRow {
  const row: RawTaskRow = {
    line,
    sectionCode: section.code,
    sectionTitle: section.title,
    stt,
    content,
    lead: units.lead,
    coordinate: units.coordinate,
    deadline: '',
    product: '',
  };
  if (units.coordinateRole !== undefined) row.coordinateRole = units.coordinateRole;
  return row;
}

export function toUnitLine(paragraph: Paragraph | undefined): { role: UnitLineRole; text: string } | null {
  if (paragraph?.kind !== 'dash') return null;
  const colon = paragraph.body.indexOf(':');
  if (colon < 0) return null;
  const role = UNIT_LINE_LABELS[fold(paragraph.body.slice(0, colon))];
  return role === undefined ? null : { role, text: paragraph.body.slice(colon + 1).trim() };
}

/** "- Cơ quan chủ trì tham mưu: …" and its siblings, the lines that make a paragraph above them a criterion. */
export function isUnitLine(paragraph: Paragraph | undefined): boolean {
  const unit = toUnitLine(paragraph);
  return unit !== null && unit.role !== 'task';
}

/** "(Chi tiết mục tiêu phấn đấu theo Phụ lục I kèm theo)": a parenthesised remark. */
export function isNote(paragraph: Paragraph | undefined): boolean {
  return paragraph?.kind === 'none' && /^\(.*\)\.?$/u.test(paragraph.body);
}

/** Prose that continues the block above it (not a remark, not the title of the next criterion). */
function isContinuation(paragraphs: readonly Paragraph[], index: number): boolean {
  const paragraph = paragraphs[index];
  return paragraph?.kind === 'none' && !isNote(paragraph) && !isUnitLine(paragraphs[index + 1]);
}

/**
 * A criterion block: its title, the "- Cơ quan …" lines, "- Nhiệm vụ, giải pháp: …" with its "+ " bullets and
 * any prose after them. Content is the title and the task text, one bullet a line.
 */
export function readCriterion(paragraphs: readonly Paragraph[], start: number, title: string): Block {
  const content = [title];
  const leads: string[] = [];
  const coordinates: { role: UnitLineRole; text: string }[] = [];
  let index = start + 1;
  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    if (paragraph === undefined) break;
    const unit = toUnitLine(paragraph);
    if (unit?.role === 'lead') leads.push(trimPunctuation(unit.text));
    else if (unit?.role === 'task') {
      if (unit.text !== '') content.push(unit.text);
    } else if (unit !== null) coordinates.push({ role: unit.role, text: trimPunctuation(unit.text) });
    else if (paragraph.kind === 'dash' || paragraph.kind === 'plus') content.push(toBullet(paragraph));
    else if (isContinuation(paragraphs, index)) content.push(paragraph.body);
    else break;
  }
  const units: Units = { lead: leads.join('; '), coordinate: coordinates.map((c) => c.text).join('; ') };
  if (coordinates.length > 0 && coordinates.every((c) => c.role === 'implementer')) {
    units.coordinateRole = IMPLEMENTER_ROLE;
  }
  return { content: content.join('\n'), units, next: index };
}

/**
 * A lettered item ("a) UBND các xã, phường, thị trấn thực hiện …") with its "- " sub-bullets and following prose.
 * The lead is the subject of its sentence, or `fallbackLead` (the body named by the heading above) when the
 * sentence starts with a verb.
 */
export function readLettered(paragraphs: readonly Paragraph[], start: number, fallbackLead: string): Block {
  const first = paragraphs[start];
  const content = first === undefined ? [] : [first.body];
  let index = start + 1;
  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    if (paragraph?.kind === 'dash' || paragraph?.kind === 'plus') content.push(toBullet(paragraph));
    else if (isContinuation(paragraphs, index) && paragraph !== undefined) content.push(paragraph.body);
    else break;
  }
  return {
    content: content.join('\n'),
    units: toSentenceUnits(first?.body ?? '', fallbackLead),
    next: index,
  };
}

/** Units of a task written as a sentence: its subject (or the fallback) and "phối hợp với" bodies. */
function toSentenceUnits(sentence: string, fallbackLead: string): Units {
  const found = findSubject(sentence);
  const lead = found?.subject ?? fallbackLead;
  return { lead, coordinate: findCoordinator(found?.rest ?? sentence) };
}

function toBullet(paragraph: Paragraph): string {
  return `${paragraph.kind === 'plus' ? '+' : '-'} ${paragraph.body}`;
}
