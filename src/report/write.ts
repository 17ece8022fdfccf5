import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ProgressReportData } from './types.ts';
import { writeReportDocx } from './write-docx.ts';
import { writeReportXlsx } from './write-xlsx.ts';

export const REPORT_FORMATS = ['xlsx', 'docx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

/** JSON, like the other formats, is written beside the target and renamed: a reader never sees half a file. */
function writeReportJson(data: ProgressReportData, path: string): void {
  const temp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export async function writeReport(
  data: ProgressReportData,
  format: ReportFormat,
  path: string,
): Promise<void> {
  if (format === 'xlsx') return writeReportXlsx(data, path);
  if (format === 'docx') return writeReportDocx(data, path);
  writeReportJson(data, path);
}
