import { HEADING_FIELDS, type HeadingField } from '../ingest/types.ts';
import type { FileResult, PlanIdentity } from './import-files.ts';

const STATUS_TEXT = { new: 'mới', updated: 'cập nhật', unchanged: 'không đổi' } as const;

/** One line per file for the clerk: what was read, and what to fix when it was not. */
export function formatFileResult(result: FileResult): string {
  if (result.kind === 'failed') {
    const where = result.line !== null ? ` (dòng ${result.line})` : '';
    return `✘ ${result.file}${where}: ${result.message}. Tệp này không được nhập.`;
  }
  const s = result.summary;
  const code = result.code ? `KH ${result.code}${result.appendix ? ` ${result.appendix}` : ''}` : s.planId;
  const retired = s.retired > 0 ? `, ${s.retired} nhiệm vụ không còn trong văn bản` : '';
  const head = `✔ ${result.file} — ${code}: ${s.tasks} nhiệm vụ, ${s.headings} mục nhóm, ${s.units} đơn vị, ${result.warnings.length} cảnh báo${retired} [${STATUS_TEXT[s.status]}]`;
  const warnings = result.warnings.map(
    (w) => `    ⚠ ${w.page === undefined ? `dòng ${w.line}` : `trang ${w.page}`}: ${w.message}`,
  );
  const identity = result.identity ? formatIdentity(result.identity, result.code) : null;
  return [head, ...(identity ? [identity] : []), ...warnings].join('\n');
}

/**
 * Where the plan's issuer, province, year and number were read, for what the standard "Kèm theo Kế hoạch số …"
 * line did not give: `    ↳ cơ quan ban hành: UBND tỉnh Lạng Sơn — từ câu "UBND tỉnh ban hành kế hoạch"; …`.
 * Parts read from the same place are named together. Null when everything came from the "Kèm theo" line.
 */
export function formatIdentity(identity: PlanIdentity, code: string | null): string | null {
  const values: Record<HeadingField, string | null> = {
    issuer: `cơ quan ban hành: ${identity.issuer}`,
    province: identity.province ? `tỉnh ${identity.province}` : null,
    year: identity.year !== null ? `năm ${identity.year}` : null,
    code: code ? `số ${code}` : null,
  };
  const groups = new Map<string, string[]>();
  for (const field of HEADING_FIELDS) {
    const source = identity.sources[field];
    const value = values[field];
    if (!source || source.kind === 'attached' || value === null) continue;
    groups.set(source.text, [...(groups.get(source.text) ?? []), value]);
  }
  if (groups.size === 0) return null;
  return `    ↳ ${[...groups].map(([source, parts]) => `${parts.join(', ')} — ${source}`).join('; ')}`;
}

export function formatTotals(results: FileResult[]): string {
  if (results.length === 0) return 'Không tìm thấy tệp kế hoạch nào (.txt, .docx, .xlsx, .pdf).';
  const imported = results.filter((r) => r.kind === 'imported');
  const tasks = imported.reduce((sum, r) => sum + r.summary.tasks, 0);
  const failed = results.length - imported.length;
  const tail = failed > 0 ? `; ${failed} tệp lỗi` : '';
  return `Đã nhập ${imported.length}/${results.length} tệp, ${tasks} nhiệm vụ${tail}.`;
}
