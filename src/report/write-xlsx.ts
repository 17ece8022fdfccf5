/**
 * Lays the progress report out as an Excel workbook: "Tổng hợp" (Part 1, per lead unit), "Chi tiết nhiệm vụ"
 * (Part 2, per task) and "Chỉ tiêu" (Part 3, KPI targets). Each sheet opens with the report's title block, then a
 * frozen, filterable table. A status is always written in words; its colour only repeats them.
 * The file appears whole or not at all: written beside the target under a temporary name, then renamed.
 */

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Cell, Row, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { formatPercent } from '../reply/numbers.ts';
import { STATUS_COLOURS, STATUS_WORDS, VERDICT_COLOURS, VERDICT_WORDS } from '../reply/status-words.ts';
import {
  type KpiRow,
  type KpiVerdict,
  type ProgressReportData,
  type SummaryRow,
  TASK_STATUSES,
  type TaskRow,
  type TaskStatus,
} from './types.ts';

export const SHEET_NAMES = { summary: 'Tổng hợp', tasks: 'Chi tiết nhiệm vụ', kpis: 'Chỉ tiêu' } as const;

/** exceljs fills take ARGB: the shared colours, opaque. */
const argb = <K extends string>(colours: Record<K, string>) =>
  Object.fromEntries(Object.entries(colours).map(([k, c]) => [k, `FF${c}`])) as Record<K, string>;

export const STATUS_FILLS: Record<TaskStatus, string> = argb(STATUS_COLOURS);
export const VERDICT_FILLS: Record<KpiVerdict, string> = argb(VERDICT_COLOURS);
export { VERDICT_WORDS };

export const NO_KPI_TEXT = 'Không có chỉ tiêu định lượng';

const FONT_NAME = 'Times New Roman';
const HEADER_FILL = 'FFF2F2F2';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Column {
  header: string;
  width: number;
}

type CellValue = string | number | null;

export async function writeReportXlsx(data: ProgressReportData, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nhiemvu';
  workbook.created = new Date(`${data.madeOn}T00:00:00Z`);
  addSummarySheet(workbook, data);
  addTaskSheet(workbook, data);
  addKpiSheet(workbook, data);

  const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    writeFileSync(temp, Buffer.from(buffer as ArrayBuffer));
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function addSummarySheet(workbook: ExcelJS.Workbook, data: ProgressReportData): void {
  const columns: Column[] = [
    { header: 'TT', width: 10 },
    { header: 'Đơn vị chủ trì', width: 35 },
    { header: 'Tổng số', width: 10 },
    ...TASK_STATUSES.map((status) => ({ header: STATUS_WORDS[status], width: 15 })),
    { header: 'Tỷ lệ hoàn thành đúng hạn (%)', width: 15 },
    { header: 'Tỷ lệ quá hạn (%)', width: 15 },
  ];
  const sheet = startSheet(workbook, SHEET_NAMES.summary, data, columns);
  let tt = 0;
  for (const entry of data.summary) {
    const row = addTableRow(sheet, summaryValues(entry, entry.isTotal ? null : ++tt), columns.length);
    for (let col = 3; col <= columns.length; col++) row.getCell(col).alignment = NUMBER_ALIGNMENT;
    row.getCell(columns.length - 1).numFmt = '0.0';
    row.getCell(columns.length).numFmt = '0.0';
    if (entry.isTotal) row.eachCell({ includeEmpty: true }, (cell) => setBold(cell));
  }
}

const NUMBER_ALIGNMENT = { vertical: 'top', horizontal: 'right', wrapText: true } as const;

function summaryValues(entry: SummaryRow, tt: number | null): CellValue[] {
  return [
    tt,
    entry.isTotal ? 'Tổng cộng' : oneLine(entry.unit),
    entry.total,
    ...TASK_STATUSES.map((status) => entry.counts[status]),
    roundOne(entry.onTimeRate),
    roundOne(entry.overdueRate),
  ];
}

function addTaskSheet(workbook: ExcelJS.Workbook, data: ProgressReportData): void {
  const columns: Column[] = [
    { header: 'STT', width: 10 },
    { header: 'Nội dung nhiệm vụ', width: 60 },
    { header: 'Đơn vị chủ trì', width: 22 },
    { header: 'Đơn vị phối hợp', width: 22 },
    { header: 'Thời hạn', width: 16 },
    { header: 'Sản phẩm', width: 22 },
    { header: 'Kết quả thực hiện', width: 25 },
    { header: 'Tình trạng', width: 16 },
    { header: 'Ngày báo cáo / người báo cáo', width: 22 },
  ];
  const sheet = startSheet(workbook, SHEET_NAMES.tasks, data, columns);
  for (const task of data.tasks) {
    if (task.kind === 'section') {
      const row = addTableRow(sheet, [`${task.code}. ${oneLine(task.title)}`], columns.length);
      sheet.mergeCells(row.number, 1, row.number, columns.length);
      setBold(row.getCell(1));
      continue;
    }
    const row = addTableRow(sheet, taskValues(task), columns.length);
    const statusCell = row.getCell(8);
    statusCell.fill = solidFill(STATUS_FILLS[task.status]);
  }
}

function taskValues(task: Extract<TaskRow, { kind: 'task' }>): CellValue[] {
  const single = task.lead.length === 1;
  const results = task.results
    .filter((result) => result.text.trim() !== '')
    .map((result) => (single ? result.text : `${oneLine(result.unit)}: ${result.text}`))
    .join('\n');
  const reported = task.results
    .filter((result) => result.reportedOn)
    .map((result) => {
      const day = displayDate(result.reportedOn ?? '');
      return result.reporter ? `${day} — ${result.reporter}` : day;
    })
    .join('\n');
  return [
    task.stt,
    task.content,
    task.lead.map(oneLine).join('; '),
    task.coordinate.map(oneLine).join('; '),
    task.deadline,
    task.product,
    results,
    STATUS_WORDS[task.status],
    reported,
  ];
}

function addKpiSheet(workbook: ExcelJS.Workbook, data: ProgressReportData): void {
  const columns: Column[] = [
    { header: 'STT', width: 10 },
    { header: 'Chỉ tiêu', width: 60 },
    { header: 'Mục tiêu', width: 18 },
    { header: 'Thực tế', width: 14 },
    { header: 'Đánh giá', width: 18 },
  ];
  const sheet = startSheet(workbook, SHEET_NAMES.kpis, data, columns);
  if (data.kpis.length === 0) {
    const row = addTableRow(sheet, [NO_KPI_TEXT], columns.length);
    sheet.mergeCells(row.number, 1, row.number, columns.length);
    return;
  }
  for (const kpi of data.kpis) {
    const row = addTableRow(sheet, kpiValues(kpi), columns.length);
    row.getCell(4).alignment = NUMBER_ALIGNMENT;
    row.getCell(5).fill = solidFill(VERDICT_FILLS[kpi.verdict]);
  }
}

function kpiValues(kpi: KpiRow): CellValue[] {
  return [
    kpi.stt,
    kpi.text,
    kpi.target,
    kpi.actual === null ? '—' : formatPercent(kpi.actual),
    VERDICT_WORDS[kpi.verdict],
  ];
}

/** The title block, a blank row, the header row; frozen below the header, filterable on it. */
function startSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  data: ProgressReportData,
  columns: Column[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const titleLines: { text: string; bold: boolean }[] = [
    { text: data.organisation.toLocaleUpperCase('vi'), bold: true },
    { text: data.title, bold: true },
    { text: data.plans.map(planText).join('; '), bold: false },
    {
      text: `${data.period.label} — Số liệu tính đến ngày ${displayDate(data.period.to)}`,
      bold: false,
    },
  ];
  if (data.unit) titleLines.push({ text: `Đơn vị: ${data.unit}`, bold: true });
  for (const line of titleLines) {
    const row = sheet.addRow([line.text]);
    sheet.mergeCells(row.number, 1, row.number, columns.length);
    const cell = row.getCell(1);
    cell.font = { name: FONT_NAME, size: 12, bold: line.bold };
    cell.alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(columns.map((column) => column.header));
  for (let col = 1; col <= columns.length; col++) {
    const cell = header.getCell(col);
    cell.font = { name: FONT_NAME, size: 12, bold: true };
    cell.fill = solidFill(HEADER_FILL);
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: columns.length },
  };
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  return sheet;
}

/** A bordered, wrapped, top-aligned table row, as wide as the table (missing values stay empty). */
function addTableRow(sheet: Worksheet, values: CellValue[], width: number): Row {
  const row = sheet.addRow(values);
  for (let col = 1; col <= width; col++) {
    const cell = row.getCell(col);
    cell.font = { name: FONT_NAME, size: 12 };
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: true };
  }
  return row;
}

function planText(plan: ProgressReportData['plans'][number]): string {
  return plan.date ? `${plan.label}, ${plan.date}` : plan.label;
}

function setBold(cell: Cell): void {
  cell.font = { ...cell.font, bold: true };
}

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Unit names go in one line even when the plan broke them across lines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function roundOne(value: number): number {
  return Math.round(value * 10) / 10;
}

/** ISO day → dd/mm/yyyy. */
function displayDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
