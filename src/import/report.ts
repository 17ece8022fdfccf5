import type { FileResult } from './import-files.ts';

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
  const warnings = result.warnings.map((w) => `    ⚠ dòng ${w.line}: ${w.message}`);
  return [head, ...warnings].join('\n');
}

export function formatTotals(results: FileResult[]): string {
  if (results.length === 0) return 'Không tìm thấy tệp kế hoạch nào (.txt, .docx, .xlsx).';
  const imported = results.filter((r) => r.kind === 'imported');
  const tasks = imported.reduce((sum, r) => sum + r.summary.tasks, 0);
  const failed = results.length - imported.length;
  const tail = failed > 0 ? `; ${failed} tệp lỗi` : '';
  return `Đã nhập ${imported.length}/${results.length} tệp, ${tasks} nhiệm vụ${tail}.`;
}
