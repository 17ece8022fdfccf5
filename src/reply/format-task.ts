import type { Asked } from '../intent/frame/frame.ts';
import type { ExportedTask, ExportedUnitRef } from '../kb/export.ts';
import type { ProgressStatus } from '../kb/progress-repo.ts';
import type { PlanInfo } from '../kb/task-queries.ts';
import type { TaskStatus } from '../report/types.ts';
import { type Block, doc, field, fromPlainText, text } from './doc.ts';
import { targetsText } from './kpi-words.ts';
import { MESSAGES } from './messages.ts';
import { STATUS_WORDS } from './status-words.ts';

/** A task as answers carry it: the export shape plus the asker's part in it and its latest status. */
export interface AnswerTask extends ExportedTask {
  responsibility: 'lead' | 'coordinate' | null;
  status: ProgressStatus | null;
  /** How the unit is responsible when a collective gives it its part, and that collective's condition. */
  via?: { collective: string; condition: string | null }[];
  /** The part the task names the unit for itself, when that differs from the part the collective gives it. */
  namedAs?: 'lead' | 'coordinate';
  /** For a reported task, its status as the report and the digest say it ("Quá hạn, chưa hoàn thành"). */
  tracker?: TaskStatus;
}

const L = MESSAGES.labels;

export function toDisplayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "KH 55/KH-SXD PL I", or for a plan without a number "KH CCHC 2026 của Sở Nội vụ". */
export function planLabel(plan: PlanInfo | undefined): string {
  if (!plan) return 'KH';
  const appendix = plan.appendix?.replace(/^Phụ lục\s*/, 'PL ').trim();
  if (plan.code) return `KH ${plan.code}${appendix && appendix !== 'PL' ? ` ${appendix}` : ''}`;
  return `KH ${plan.year ?? ''} của ${plan.issuer}`.replace(/\s+/g, ' ');
}

/** The number a person types for the task: "VI.4" (section and row), as in "báo cáo nhiệm vụ VI.4 …". */
export function taskNumber(task: Pick<ExportedTask, 'section' | 'stt'>): string {
  const section = task.section.code && !task.stt.startsWith(task.section.code) ? `${task.section.code}.` : '';
  return `${section}${task.stt}`;
}

export function taskCitation(task: ExportedTask, plan: PlanInfo | undefined): string {
  return `${planLabel(plan)}, mục ${taskNumber(task)}`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function deadlineText(task: ExportedTask): string {
  const d = task.deadline;
  if (d.kind === 'none') return L.noDue;
  if (d.due && !d.raw.includes(toDisplayDate(d.due))) return `${d.raw} (${toDisplayDate(d.due)})`;
  return d.raw;
}

function partText(task: AnswerTask): string {
  // Not about one unit's part (who leads X?, the organisation's overdue list): name the lead units instead.
  if (!task.responsibility)
    return task.lead.length > 0 ? `${L.leadUnits}: ${task.lead.map((u) => u.name).join(', ')}` : '';
  const via = task.via?.[0];
  const how = via ? ` ${L.via(via.collective)}` : '';
  const condition = via?.condition ? `, ${L.condition(via.condition)}` : '';
  const named = task.namedAs ? `; được nêu tên: ${L[task.namedAs]}` : '';
  return `${L[task.responsibility]}${how}${condition}${named}`;
}

/** One task of a list, in parts: text joins them in two lines, a card lays them out (adapters choose). */
export interface TaskLine {
  index: number;
  taskId: string;
  citation: string;
  content: string;
  /** The unit's part (or the lead units), the deadline, the status. */
  facts: string[];
}

/** Who, by the part asked about: "Phối hợp: Văn phòng Sở, Phòng …" — each part labelled. */
function unitsFacts(task: AnswerTask, asked: Asked): string[] {
  const names = (refs: ExportedUnitRef[]) =>
    refs.length > 0 ? refs.map((u) => u.name).join(', ') : L.noUnits;
  const lead = `${L.leadUnits}: ${names(task.lead)}`;
  const coordinate = `${L.coordinateUnits}: ${names(task.coordinate)}`;
  if (asked === 'lead') return [lead];
  if (asked === 'coordinate') return [coordinate];
  return [lead, coordinate];
}

/**
 * The facts of a list line answer what was asked: who leads or coordinates (labelled), the targets with their
 * operator in words, else the unit's part; the deadline and status always.
 */
function factsFor(task: AnswerTask, asked: Asked): string[] {
  const who = asked === 'lead' || asked === 'coordinate' || asked === 'involved';
  const facts = who ? unitsFacts(task, asked) : [partText(task)];
  facts.push(`${L.due}: ${deadlineText(task)}`);
  if (asked === 'kpi' && task.kpis.length > 0) facts.push(`${L.kpi}: ${targetsText(task.kpis)}`);
  return facts;
}

export function taskLineParts(
  index: number,
  task: AnswerTask,
  plan: PlanInfo | undefined,
  contentChars = 140,
  asked: Asked = 'list',
): TaskLine {
  const facts = factsFor(task, asked);
  if (task.tracker) facts.push(STATUS_WORDS[task.tracker]);
  else if (task.status) facts.push(L.status[task.status]);
  return {
    index,
    taskId: task.id,
    citation: taskCitation(task, plan),
    content: shorten(task.content, contentChars),
    facts: facts.filter(Boolean),
  };
}

function unitsText(refs: ExportedUnitRef[]): string {
  return refs
    .map((r) => [r.name, r.role, r.condition ? L.condition(r.condition) : null].filter(Boolean).join(' — '))
    .join('; ');
}

/**
 * The whole task, for "chi tiết nhiệm vụ …": its citation, its content, then one labelled fact a line. A cell of
 * several paragraphs (content "- …" items, a product in parts) keeps them, one text block each.
 */
export function formatTaskDetail(task: AnswerTask, plan: PlanInfo | undefined): Block[] {
  return doc(
    text(`${taskCitation(task, plan)} (${task.section.title})`, 'title'),
    fromPlainText(task.content),
    task.lead.length > 0 && field(L.leadUnits, unitsText(task.lead)),
    task.coordinate.length > 0 && field(L.coordinateUnits, unitsText(task.coordinate)),
    field(L.due, deadlineText(task)),
    task.product !== '' && labelled(L.product, task.product),
    task.kpis.length > 0 && field(L.kpi, targetsText(task.kpis, 160)),
    task.status !== null && field('Tình trạng', L.status[task.status]),
  );
}

/** A fact whose value has several paragraphs: the first beside its label, the rest below it. */
function labelled(label: string, value: string): Block[] {
  const [first, ...rest] = fromPlainText(value);
  return [field(label, first?.kind === 'text' ? first.text : ''), ...rest];
}
