/**
 * Lays the progress report out as a Word document in the shape of Decree 30/2020/NĐ-CP: A4, Times New Roman,
 * the heading block and Part 1 on a portrait page, Parts 2 and 3 on landscape pages with repeating header rows.
 * The file appears whole or not at all (written beside the target, then renamed).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import {
  AlignmentType,
  Document,
  Header,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatNumber } from '../reply/numbers.ts';
import { STATUS_COLOURS, STATUS_WORDS, VERDICT_COLOURS, VERDICT_WORDS } from '../reply/status-words.ts';
import { type ProgressReportData, type ReportPlan, TASK_STATUSES, type TaskRow } from './types.ts';

const FONT = 'Times New Roman';
const NO_REPORT = 'Chưa có báo cáo';
/** Half-points: 13 pt body, 12 pt tables. */
const BODY_SIZE = 26;
const TABLE_SIZE = 24;
/** A4 in twips and the Decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 };
const PORTRAIT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** Light fills beside the status words (the words are always there: colour is never the only sign). */
const STATUS_FILL = STATUS_COLOURS;
const VERDICT_FILL = VERDICT_COLOURS;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type RunOptions = { bold?: boolean; italics?: boolean; size?: number };
type TextOptions = RunOptions & { align?: Align; before?: number; after?: number };
type CellOptions = TextOptions & { fill?: string; span?: number; borderless?: boolean };
type Lines = string | string[];
const { CENTER, LEFT } = AlignmentType;

function para(text: string, { align = LEFT, before = 0, after = 0, ...run }: TextOptions = {}): Paragraph {
  const children = [new TextRun({ text, font: FONT, size: BODY_SIZE, ...run })];
  return new Paragraph({ alignment: align, spacing: { before, after }, children });
}

/** A table cell of one paragraph per line (12 pt unless told). */
function cell(lines: Lines, width: number, options: CellOptions = {}): TableCell {
  const { fill, span = 1, borderless = false, ...text } = options;
  const texts = typeof lines === 'string' ? [lines] : lines.length > 0 ? lines : [''];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    ...(borderless ? { borders: TableBorders.NONE } : {}),
    children: texts.map((line) => para(line, { size: TABLE_SIZE, ...text })),
  });
}

/** One table row; `style` gives each column's alignment, weight and fill. Long task rows may split across pages. */
function row(
  values: Lines[],
  widths: number[],
  style: (column: number) => CellOptions,
  cantSplit = true,
): TableRow {
  const children = values.map((lines, column) => cell(lines, widths[column] ?? 0, style(column)));
  return new TableRow({ cantSplit, children });
}

/** A bordered table whose header row repeats on every page it runs onto. */
function table(headings: string[], widths: number[], rows: TableRow[], size = TABLE_SIZE): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headings.map((text, i) =>
      cell(text, widths[i] ?? 0, { bold: true, size, align: CENTER, fill: 'F2F2F2' }),
    ),
  });
  const width = { size: widths.reduce((sum, column) => sum + column, 0), type: WidthType.DXA };
  return new Table({ width, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] });
}

/** Fills the one zero width with what is left of the page. */
function fillWidths(widths: number[], total: number): number[] {
  const rest = total - widths.reduce((sum, width) => sum + width, 0);
  return widths.map((width) => (width === 0 ? rest : width));
}

/** "2026-12-14" → "14/12/2026"; anything else as given. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `Ngày ${match[3]} tháng ${match[2]} năm ${match[1]}` : iso;
}

function headingBlock(data: ProgressReportData): Table {
  const widths = fillWidths([Math.round(PORTRAIT_WIDTH * 0.4), 0], PORTRAIT_WIDTH);
  const organisation = data.organisation.toLocaleUpperCase('vi');
  const left = cell(organisation, widths[0] ?? 0, { bold: true, align: CENTER, borderless: true });
  const right = new TableCell({
    width: { size: widths[1] ?? 0, type: WidthType.DXA },
    borders: TableBorders.NONE,
    children: [
      para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: TABLE_SIZE, align: CENTER }),
      para('Độc lập - Tự do - Hạnh phúc', { bold: true, align: CENTER }),
      para(longDate(data.madeOn), { italics: true, align: CENTER, before: 120 }),
    ],
  });
  const rows = [new TableRow({ children: [left, right] })];
  const width = { size: PORTRAIT_WIDTH, type: WidthType.DXA };
  return new Table({
    width,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows,
  });
}

function summaryTable(data: ProgressReportData): Table {
  const widths = fillWidths([450, 0, 650, ...TASK_STATUSES.map(() => 880), 850, 850], PORTRAIT_WIDTH);
  const statuses = TASK_STATUSES.map((status) => STATUS_WORDS[status]);
  const headings = [
    'TT',
    'Đơn vị chủ trì',
    'Tổng số',
    ...statuses,
    'Tỷ lệ HT đúng hạn (%)',
    'Tỷ lệ quá hạn (%)',
  ];
  let index = 0;
  const rows = data.summary.map((line) => {
    const values = [
      line.isTotal ? '' : String(++index),
      line.isTotal ? 'Tổng cộng' : line.unit,
      ...[line.total, ...TASK_STATUSES.map((status) => line.counts[status])].map(formatNumber),
      formatNumber(line.onTimeRate),
      formatNumber(line.overdueRate),
    ];
    return row(values, widths, (column) => ({ bold: line.isTotal, align: column === 1 ? LEFT : CENTER }));
  });
  // 11 pt headings: the six status columns are narrow on a portrait page.
  return table(headings, widths, rows, 22);
}

type Task = Extract<TaskRow, { kind: 'task' }>;

/**
 * Each reporting lead unit's result ("- unit: text"), then the units that have not reported, in one line: a task
 * a whole collective leads would otherwise list "Chưa có báo cáo" once per phòng. One lead unit: just the text.
 */
function resultLines(task: Task): string[] {
  const silent = task.results.filter((r) => !r.text && !r.reportedOn).map((r) => r.unit);
  if (task.results.length === 1) return [task.results[0]?.text || NO_REPORT];
  const said = task.results.filter((r) => r.text || r.reportedOn).map((r) => `- ${r.unit}: ${r.text || '—'}`);
  return silent.length > 0 ? [...said, `- ${NO_REPORT}: ${silent.join(', ')}`] : said;
}

function reportedLines(task: Task): string[] {
  return task.results.flatMap((result) => {
    if (!result.reportedOn) return [];
    const line = [formatDate(result.reportedOn), result.reporter].filter(Boolean).join(', ');
    return [task.results.length === 1 ? line : `- ${result.unit}: ${line}`];
  });
}

/** Several units one per line, each after a dash so a wrapped name never reads as two units. */
function listed(units: string[]): string[] {
  return units.length > 1 ? units.map((unit) => `- ${unit}`) : units;
}

const TASK_HEADINGS =
  'STT|Nội dung nhiệm vụ|Đơn vị chủ trì|Đơn vị phối hợp|Thời hạn|Sản phẩm|Kết quả thực hiện|Tình trạng|Ngày báo cáo / người báo cáo';

function tasksTable(data: ProgressReportData): Table {
  const widths = fillWidths([650, 2450, 1400, 1350, 1500, 1350, 0, 1300, 1550], LANDSCAPE_WIDTH);
  const rows = data.tasks.map((task) => {
    if (task.kind === 'section')
      return row([`${task.code}. ${task.title}`], [LANDSCAPE_WIDTH], () => ({
        bold: true,
        span: widths.length,
      }));
    const units = [listed(task.lead), listed(task.coordinate)];
    const values = [task.stt, task.content, ...units, task.deadline, task.product, resultLines(task)];
    const style = (column: number) => ({
      align: [0, 4, 7].includes(column) ? CENTER : LEFT,
      ...(column === 7 ? { fill: STATUS_FILL[task.status] } : {}),
    });
    return row([...values, STATUS_WORDS[task.status], reportedLines(task)], widths, style, false);
  });
  return table(TASK_HEADINGS.split('|'), widths, rows);
}

function kpiTable(data: ProgressReportData): Table {
  const widths = fillWidths([900, 0, 2400, 1800, 2600], LANDSCAPE_WIDTH);
  const rows = data.kpis.map((kpi) => {
    const actual = kpi.actual === null ? '—' : formatNumber(kpi.actual);
    return row([kpi.stt, kpi.text, kpi.target, actual, VERDICT_WORDS[kpi.verdict]], widths, (column) => ({
      align: column === 1 ? LEFT : CENTER,
      ...(column === 4 ? { fill: VERDICT_FILL[kpi.verdict] } : {}),
    }));
  });
  return table(['STT', 'Chỉ tiêu', 'Mục tiêu', 'Thực tế', 'Đánh giá'], widths, rows);
}

/** Page numbers top centre; none on the first page (Decree 30/2020). */
function section(landscape: boolean, children: ISectionOptions['children'], first = false): ISectionOptions {
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY_SIZE });
  const numbered = new Header({ children: [new Paragraph({ alignment: CENTER, children: [number] })] });
  const orientation = landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
  return {
    properties: { titlePage: first, page: { size: { ...A4, orientation }, margin: MARGIN } },
    headers: first
      ? { default: numbered, first: new Header({ children: [new Paragraph('')] }) }
      : { default: numbered },
    children,
  };
}

export function buildReportDocument(data: ProgressReportData): Document {
  const partHeading = (text: string) => para(text, { bold: true, before: 240, after: 120 });
  const plan = (p: ReportPlan) => `${p.title} (${[p.label, p.date].filter(Boolean).join(', ')})`;
  const first = [
    headingBlock(data),
    para(data.title.toLocaleUpperCase('vi'), { bold: true, align: CENTER, before: 360, after: 120 }),
    ...data.plans.map((p) => para(plan(p), { italics: true, align: CENTER })),
    para(`Kỳ báo cáo: ${data.period.label}`, { align: CENTER, before: 120 }),
    para(`Số liệu tính đến ngày ${formatDate(data.period.to)}`, { align: CENTER }),
    ...(data.unit ? [para(`Đơn vị: ${data.unit}`, { align: CENTER })] : []),
    partHeading('I. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ'),
    summaryTable(data),
  ];
  return new Document({
    creator: data.organisation,
    title: data.title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      section(false, first, true),
      section(true, [partHeading('II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ'), tasksTable(data)]),
      section(true, [partHeading('III. CHỈ TIÊU ĐỊNH LƯỢNG'), kpiTable(data)]),
    ],
  });
}

/** Writes the report to `path` atomically: a temporary file in the same folder, renamed once complete. */
export async function writeReportDocx(data: ProgressReportData, path: string): Promise<void> {
  const buffer = await Packer.toBuffer(buildReportDocument(data));
  const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(temporary, buffer, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
