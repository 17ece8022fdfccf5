import { basename, extname } from 'node:path';
import { type Deadline, parseDeadline } from '../vi/deadline.ts';
import { foldWords } from '../vi/fold.ts';
import { extractKpis, type KpiTarget } from '../vi/kpi.ts';
import { stripProvince } from './heading.ts';
import type { PlanMeta } from './meta.ts';
import {
  DocumentError,
  type DocumentWarning,
  type HeadingSource,
  type HeadingSources,
  type Layout,
  type ParsedDocument,
  type PlanGoal,
  type RawTaskRow,
} from './types.ts';
import { type Coverage, categoryOf, type Lexicon, type UnitCategory } from './units/lexicon.ts';
import { splitUnitCell, type UnitPhrase } from './units/split-units.ts';

/** Whose unit a mention is: the plan's issuer (a Sở's own phòng), the province, or a central body. */
export const UNIT_OWNERS = ['issuer', 'province', 'central'] as const;
export type UnitOwner = (typeof UNIT_OWNERS)[number];

export interface UnitRef {
  name: string;
  raw: string;
  role: string | null;
  condition: string | null;
  collective: { covers: Coverage } | null;
  category: UnitCategory;
  owner: UnitOwner;
}

export interface TaskRecord {
  /** Stable across re-imports: plan id, section and STT ("55-kh-sxd-2025-phu-luc-i/III/7"). */
  id: string;
  ord: number;
  sectionCode: string;
  sectionTitle: string;
  stt: string;
  isHeading: boolean;
  parentId: string | null;
  content: string;
  lead: UnitRef[];
  coordinate: UnitRef[];
  deadline: Deadline;
  product: string;
  kpis: KpiTarget[];
  line: number;
}

export interface PlanRecord {
  id: string;
  code: string | null;
  /** Display name of the issuer: "Sở Xây dựng", "UBND tỉnh Lạng Sơn". */
  issuer: string;
  issuerCategory: UnitCategory;
  province: string | null;
  date: string | null;
  year: number | null;
  title: string;
  index: string | null;
  appendix: string | null;
  source: string;
  layout: Layout;
  goals: PlanGoal[];
  sections: { code: string; title: string }[];
  tasks: TaskRecord[];
  warnings: DocumentWarning[];
  /** Where issuer, province, year and code were read ("từ tệp .meta.json" when the sidecar gave them). */
  sources: HeadingSources;
}

export function toSlug(text: string): string {
  return foldWords(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function buildPlan(doc: ParsedDocument, meta: PlanMeta, source: string, lexicon: Lexicon): PlanRecord {
  const h = doc.heading;
  const province = meta.province ?? h.province;
  const rawIssuer = stripProvince(meta.issuer ?? h.issuer ?? '', province);
  if (rawIssuer === '') throw new DocumentError(noIssuerMessage(h.sources.issuer));
  const issuerName = splitUnitCell(rawIssuer, lexicon)[0]?.name ?? rawIssuer;
  const issuerCategory = categoryOf(lexicon, issuerName, 'department');
  const code = meta.code !== undefined ? meta.code : h.code;
  const appendix = meta.appendix !== undefined ? meta.appendix : h.appendix;
  const plan: PlanRecord = {
    id: '',
    code,
    issuer: issuerCategory === 'province' && province ? `${issuerName} ${province}` : issuerName,
    issuerCategory,
    province,
    date: meta.date !== undefined ? meta.date : h.date,
    year: meta.year ?? h.year ?? yearOf(meta.date ?? h.date),
    title: meta.title ?? h.title,
    index: meta.index ?? h.index,
    appendix,
    source,
    layout: doc.layout,
    goals: doc.goals,
    sections: [],
    tasks: [],
    warnings: [...doc.warnings],
    sources: sourcesOf(h.sources, meta),
  };
  // Numbers restart every year and appendices share one number: both are part of the id.
  plan.id = meta.id ?? planIdOf(code, plan.year, appendix, source);
  plan.sections = sectionsOf(doc.rows);
  plan.tasks = buildTasks(doc, plan, lexicon);
  const pages = doc.linePages;
  if (pages) plan.warnings = plan.warnings.map((w) => ({ ...w, ...pageOf(pages, w.line) }));
  return plan;
}

const FROM_META: HeadingSource = { kind: 'meta', text: 'từ tệp .meta.json' };

/** The heading's sources, with the sidecar's fields winning; a year taken from the date shares its source. */
function sourcesOf(heading: HeadingSources, meta: PlanMeta): HeadingSources {
  const sources: HeadingSources = { ...heading };
  if (meta.issuer !== undefined) sources.issuer = FROM_META;
  if (meta.province !== undefined) sources.province = FROM_META;
  if (meta.code !== undefined) {
    if (meta.code === null) delete sources.code;
    else sources.code = FROM_META;
  }
  if (meta.year !== undefined || (sources.year === undefined && meta.date)) sources.year = FROM_META;
  return sources;
}

/** Nothing states the issuer: say what was looked for, and what was found (a Sở's signature, no Sở name). */
function noIssuerMessage(hint: HeadingSource | undefined): string {
  const signed = hint?.text.match(/\((.*)\)$/u)?.[1];
  const found = signed ? `; phần ký ${signed} cho thấy văn bản của một Sở nhưng không nêu Sở nào` : '';
  return (
    'Không rõ cơ quan ban hành: văn bản không nêu ở dòng "Kèm theo Kế hoạch số … của …", ở phần đầu ' +
    '("ỦY BAN NHÂN DÂN TỈNH …", "SỞ …", "Số: …/KH-…"), ở tiêu đề, ở câu "… ban hành kế hoạch" hay ở phần ký ' +
    `("TM. ỦY BAN NHÂN DÂN")${found}; hãy thêm "issuer" vào tệp .meta.json đi kèm`
  );
}

function pageOf(pages: ReadonlyMap<number, number>, line: number): { page?: number } {
  const page = pages.get(line);
  return page === undefined ? {} : { page };
}

function planIdOf(code: string | null, year: number | null, appendix: string | null, source: string): string {
  if (code) return toSlug(`${code} ${year ?? ''} ${appendix ?? ''}`);
  return toSlug(basename(source, extname(source)));
}

function yearOf(date: string | null | undefined): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

function sectionsOf(rows: RawTaskRow[]): { code: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.sectionCode)) seen.set(r.sectionCode, r.sectionTitle);
  return [...seen].map(([code, title]) => ({ code, title }));
}

function buildTasks(doc: ParsedDocument, plan: PlanRecord, lexicon: Lexicon): TaskRecord[] {
  const ids = new Set<string>();
  const tasks = doc.rows.map((row, ord): TaskRecord => {
    const id = uniqueId(`${plan.id}/${row.sectionCode}/${row.stt.replace(/\s+/g, '')}`, ids, row, plan);
    return {
      id,
      ord,
      sectionCode: row.sectionCode,
      sectionTitle: row.sectionTitle,
      stt: row.stt,
      isHeading: false,
      parentId: null,
      content: row.content,
      lead: toRefs(splitUnitCell(row.lead, lexicon), null, plan, lexicon),
      coordinate: toRefs(splitUnitCell(row.coordinate, lexicon), row.coordinateRole ?? null, plan, lexicon),
      deadline: parseDeadline(row.deadline || doc.planDeadline || '', { year: plan.year }),
      product: row.product,
      kpis: dedupeKpis([...extractKpis(row.content), ...extractKpis(row.product)]),
      line: row.line,
    };
  });
  linkHierarchy(tasks);
  return tasks;
}

function uniqueId(base: string, ids: Set<string>, row: RawTaskRow, plan: PlanRecord): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}~${n}`;
  if (id !== base)
    plan.warnings.push({ line: row.line, message: `STT ${row.stt} bị trùng trong mục ${row.sectionCode}` });
  ids.add(id);
  return id;
}

/** A collective is filed under the kind of unit it covers, so "UBND cấp huyện" sits with the districts. */
const COVERED_CATEGORY: Record<Coverage, UnitCategory> = {
  internal_units: 'internal',
  agencies: 'agency',
  agencies_and_localities: 'agency',
  districts: 'district',
  communes: 'commune',
  vertical_agencies: 'vertical',
  public_service_units: 'agency',
};

function toRefs(
  phrases: UnitPhrase[],
  defaultRole: string | null,
  plan: PlanRecord,
  lexicon: Lexicon,
): UnitRef[] {
  return phrases.map((p) => {
    const fallback: UnitCategory = plan.issuerCategory === 'department' ? 'internal' : 'agency';
    const category = p.collective
      ? COVERED_CATEGORY[p.collective.covers]
      : categoryOf(lexicon, p.name, fallback);
    return {
      name: p.name,
      raw: p.raw,
      role: p.role ?? defaultRole,
      condition: p.condition,
      collective: p.collective,
      category,
      owner: ownerOf(p, category, plan),
    };
  });
}

/** A Sở's plan names its own phòng; anything provincial (Sở, UBND, Văn phòng UBND tỉnh) belongs to the province. */
function ownerOf(phrase: UnitPhrase, category: UnitCategory, plan: PlanRecord): UnitOwner {
  const issuerIsOrg = plan.issuerCategory !== 'province';
  if (phrase.collective)
    return phrase.collective.covers === 'internal_units' && issuerIsOrg ? 'issuer' : 'province';
  if (category === 'central') return 'central';
  return category === 'internal' && issuerIsOrg ? 'issuer' : 'province';
}

function dedupeKpis(kpis: KpiTarget[]): KpiTarget[] {
  const seen = new Set<string>();
  return kpis.filter((k) => {
    const key = `${k.op}|${k.value}|${k.unit}|${foldWords(k.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parent = nearest earlier row of the same section whose STT is this one's prefix ("4" for "4.1", "1.2.3" for "1.2.3 (1)"). */
function parentSttOf(stt: string): string | null {
  const m = stt.match(/^(.+?)(?:\.\d+|\s*\(\d+\)|\s*[a-zđ]\))$/u);
  return m?.[1] ?? null;
}

function linkHierarchy(tasks: TaskRecord[]): void {
  for (const [i, task] of tasks.entries()) {
    for (
      let parentStt = parentSttOf(task.stt);
      parentStt && !task.parentId;
      parentStt = parentSttOf(parentStt)
    ) {
      const wanted = parentStt;
      const parent = tasks
        .slice(0, i)
        .reverse()
        .find((t) => t.sectionCode === task.sectionCode && t.stt === wanted);
      if (parent) task.parentId = parent.id;
    }
  }
  const hasChildren = new Set(tasks.map((t) => t.parentId).filter((id): id is string => id !== null));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const task of tasks) {
    // A numbered row with no units of its own is a heading over its children.
    task.isHeading = hasChildren.has(task.id) && task.lead.length === 0 && task.coordinate.length === 0;
    const parent = task.parentId ? byId.get(task.parentId) : undefined;
    // A child with an empty deadline cell falls under its heading's deadline ("2.2 … Trong năm 2024").
    if (task.deadline.kind === 'none' && parent && parent.deadline.kind !== 'none')
      task.deadline = parent.deadline;
  }
}
