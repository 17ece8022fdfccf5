import type { PlanDiff, TaskField } from '../../../src/console/plan-diff.ts';
import type { PlanPreview } from '../../../src/console/plan-preview.ts';
import type { TaskRecord } from '../../../src/ingest/build-plan.ts';
import type { HeadingField } from '../../../src/ingest/types.ts';
import type { ExportedTask } from '../../../src/kb/export.ts';
import type { ImportStatus } from '../../../src/kb/import-plan.ts';
import { toDisplayDate } from '../../../src/reply/format-task.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import type { ConsoleSession } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput } from '../plugin.ts';

/** The preview of an uploaded plan: what was read, what it changes, and the "Nhập" / "Hủy" buttons. */
const STATUS: Record<ImportStatus, string> = {
  new: 'Kế hoạch mới: chưa có trong cơ sở dữ liệu.',
  updated: 'Kế hoạch đã có: nhập sẽ cập nhật theo tệp này.',
  unchanged: 'Kế hoạch đã có và không thay đổi gì so với tệp này.',
};
const FIELD: Record<TaskField, string> = {
  section: 'mục',
  content: 'nội dung',
  lead: 'chủ trì',
  coordinate: 'phối hợp',
  deadline: 'thời hạn',
  product: 'sản phẩm',
  kpis: 'chỉ tiêu',
};
const HEADING: { field: HeadingField; label: string }[] = [
  { field: 'code', label: 'Số kế hoạch' },
  { field: 'issuer', label: 'Cơ quan ban hành' },
  { field: 'province', label: 'Tỉnh' },
  { field: 'year', label: 'Năm' },
];

function deadlineOf(task: TaskRecord): string {
  const { raw, due } = task.deadline;
  return due ? `${raw || '—'} (${toDisplayDate(due)})` : raw || '—';
}

const units = (refs: { name: string }[]) => refs.map((r) => r.name).join('; ') || '—';

function headingTable(preview: PlanPreview): SafeHtml {
  const { plan } = preview;
  const values: Record<HeadingField, string | null> = {
    code: plan.code,
    issuer: plan.issuer,
    province: plan.province,
    year: plan.year === null ? null : String(plan.year),
  };
  const rows = HEADING.map(
    ({ field, label }) =>
      html`<tr><th scope="row">${label}</th><td>${values[field] ?? '(không rõ)'}</td><td class="muted">${plan.sources[field]?.text ?? ''}</td></tr>`,
  );
  return html`<section>
<h2>${plan.title}</h2>
<p>Tệp: ${preview.fileName}${plan.appendix ? html` · ${plan.appendix}` : ''} · mã kế hoạch: <code>${plan.id}</code></p>
<p><strong>${STATUS[preview.status]}</strong></p>
<div class="table-wrap"><table>
<thead><tr><th>Thông tin</th><th>Đọc được</th><th>Đọc từ</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
}

function taskRow(task: TaskRecord): SafeHtml {
  return html`<tr><td>${task.sectionCode}</td><td>${task.stt}</td><td>${task.content}</td><td>${units(task.lead)}</td>
<td>${units(task.coordinate)}</td><td>${deadlineOf(task)}</td><td>${task.kpis.map((k) => k.text).join('; ') || '—'}</td></tr>`;
}

function tasksTable(tasks: readonly TaskRecord[]): SafeHtml {
  return html`<div class="table-wrap"><table>
<thead><tr><th>Mục</th><th>STT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Chỉ tiêu</th></tr></thead>
<tbody>${tasks.map(taskRow)}</tbody>
</table></div>`;
}

function warningsList(preview: PlanPreview): SafeHtml {
  const { warnings } = preview.plan;
  if (warnings.length === 0) return html``;
  const items = warnings.map(
    (w) =>
      html`<li class="warning">${w.page === undefined ? '' : `Trang ${w.page}, `}dòng ${w.line}: ${w.message}</li>`,
  );
  return html`<section><h2>Cảnh báo khi đọc tệp (${formatNumber(warnings.length)})</h2><ul>${items}</ul></section>`;
}

function newUnitsList(preview: PlanPreview): SafeHtml {
  if (preview.newUnits.length === 0)
    return html`<section><h2>Đơn vị mới</h2><p class="muted">Không có: mọi đơn vị đều đã có trong cơ sở dữ liệu.</p></section>`;
  const items = preview.newUnits.map(
    (u) => html`<li>${u.name}${u.parent ? html` <span class="muted">(thuộc ${u.parent})</span>` : ''}</li>`,
  );
  return html`<section><h2>Đơn vị chưa có trong cơ sở dữ liệu (${formatNumber(preview.newUnits.length)})</h2><ul>${items}</ul></section>`;
}

const storedLine = (t: ExportedTask) =>
  html`<li><strong>${t.section.code}.${t.stt}</strong> ${t.content}</li>`;

function diffSection(diff: PlanDiff): SafeHtml {
  const added = diff.added.map((t) => html`<li><strong>${t.sectionCode}.${t.stt}</strong> ${t.content}</li>`);
  const changed = diff.changed.map(
    (c) =>
      html`<li><strong>${c.task.sectionCode}.${c.task.stt}</strong> ${c.task.content} <span class="muted">(đổi ${c.fields.map((f) => FIELD[f]).join(', ')}; trước: ${c.before.content})</span></li>`,
  );
  const part = (title: string, items: SafeHtml[]) =>
    html`<h3>${title} (${formatNumber(items.length)})</h3>${items.length ? html`<ul>${items}</ul>` : html`<p class="muted">Không có.</p>`}`;
  return html`<section class="diff">
<h2>So với bản đang có</h2>
<p>${formatNumber(diff.added.length)} nhiệm vụ thêm, ${formatNumber(diff.changed.length)} thay đổi, ${formatNumber(diff.retired.length)} bỏ, ${formatNumber(diff.unchanged)} giữ nguyên.</p>
${part('Thêm', added)}
${part('Thay đổi', changed)}
${part('Bỏ (không còn trong tệp)', diff.retired.map(storedLine))}
</section>`;
}

function buttons(session: ConsoleSession, id: string): SafeHtml {
  return html`<div class="actions">
<form method="post" action="/admin/plans/commit" class="inline">${csrfInput(session)}<input type="hidden" name="id" value="${id}"><button type="submit">Nhập</button></form>
<form method="post" action="/admin/plans/cancel" class="inline">${csrfInput(session)}<input type="hidden" name="id" value="${id}"><button type="submit" class="secondary">Hủy</button></form>
</div>`;
}

export function previewBody(session: ConsoleSession, preview: PlanPreview, id: string): SafeHtml {
  const tasks = preview.plan.tasks.filter((t) => !t.isHeading);
  return html`<p>Chưa có gì được ghi. Kiểm tra những gì đã đọc được rồi bấm <strong>Nhập</strong> để ghi vào cơ sở dữ liệu, hoặc <strong>Hủy</strong>. Bản xem trước giữ trong 30 phút.</p>
${buttons(session, id)}
${headingTable(preview)}
${preview.diff ? diffSection(preview.diff) : ''}
${warningsList(preview)}
${newUnitsList(preview)}
<section><h2>Nhiệm vụ đọc được (${formatNumber(tasks.length)})</h2>${tasksTable(tasks)}</section>
${buttons(session, id)}`;
}
