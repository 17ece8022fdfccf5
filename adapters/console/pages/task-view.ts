/**
 * One task's page (GET /admin/tasks/view?id=…): the plan row, the units with their status, every progress report
 * (who, when, channel, what; taken-back ones struck through), and for an admin the form that records a report on a
 * unit's behalf (POST /admin/tasks/report, handled in tasks.ts).
 */
import type { TaskPage } from '../../../src/console/task-page.ts';
import type { ProgressEntry } from '../../../src/kb/progress-history.ts';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../../src/kb/progress-repo.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import { STATUS_WORDS } from '../../../src/reply/status-words.ts';
import type { ConsoleSession } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { canWrite, csrfInput } from '../plugin.ts';
import { REPORT_PATH, tasksHref } from './task-links.ts';

export const PROGRESS_WORDS: Record<ProgressStatus, string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};

/** Where a report came from, in words; an unknown channel is shown as stored. */
const CHANNEL_WORDS: Record<string, string> = {
  zalo: 'Zalo',
  teams: 'Microsoft Teams',
  console: 'Trang quản trị',
  cli: 'Dòng lệnh',
};

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "22/11/2026 09:00", Vietnam's time. */
export function vnTime(iso: string): string {
  return TIME.format(new Date(iso)).replace(',', '');
}

function planRow(t: TaskPage): SafeHtml {
  const kpis = t.kpis.map((k) => html`<li>${k.text} (${k.target})</li>`);
  return html`<section aria-labelledby="row"><h2 id="row">Nội dung trong kế hoạch</h2>
<dl class="facts">
<dt>Kế hoạch</dt><dd>${t.plan} — ${t.planTitle}</dd>
<dt>Mục</dt><dd>${t.number}${t.section.title ? html` · <a href="${tasksHref({ section: t.section.code, ...(t.year ? { year: t.year } : {}) })}">${t.section.title}</a>` : ''}</dd>
<dt>Nội dung</dt><dd>${t.content}</dd>
<dt>Chủ trì</dt><dd>${t.leadNames.join('; ') || '—'}</dd>
<dt>Phối hợp</dt><dd>${t.coordinate.join('; ') || '—'}</dd>
<dt>Thời gian</dt><dd>${t.deadline}</dd>
<dt>Sản phẩm</dt><dd>${t.product || '—'}</dd>
${t.kpis.length ? html`<dt>Chỉ tiêu</dt><dd><ul>${kpis}</ul></dd>` : ''}
<dt>Tình trạng</dt><dd><strong>${STATUS_WORDS[t.status]}</strong></dd>
</dl></section>`;
}

function units(t: TaskPage): SafeHtml {
  const rows = t.leads.map((l) => html`<li>${l.unit}: ${STATUS_WORDS[l.status]}</li>`);
  return html`<section aria-labelledby="units"><h2 id="units">Đơn vị chủ trì</h2>${rows.length ? html`<ul>${rows}</ul>` : html`<p class="muted">Kế hoạch không ghi đơn vị chủ trì cụ thể.</p>`}</section>`;
}

function facts(e: ProgressEntry): string {
  const parts = [PROGRESS_WORDS[e.status]];
  if (e.percent !== null) parts.push(`${formatNumber(e.percent)}%`);
  if (e.actual !== null) parts.push(`thực tế ${formatNumber(e.actual)}%`);
  return parts.join(', ');
}

function history(t: TaskPage): SafeHtml {
  const rows = t.history.map((e) => {
    const who = e.userName ?? `Người dùng #${e.userId}`;
    const behalf = e.onBehalf ? html`<br><span class="muted">báo cáo thay đơn vị</span>` : '';
    const retracted = e.retractedAt
      ? html`<br><span class="warning">đã hủy ${vnTime(e.retractedAt)}</span>`
      : '';
    return html`<tr${e.retractedAt ? html` class="retracted"` : ''}><td>${vnTime(e.reportedAt)}</td><td>${e.unitName}</td><td>${who}${behalf}</td><td>${CHANNEL_WORDS[e.channel] ?? e.channel}</td><td>${facts(e)}${retracted}</td><td>${e.text}</td></tr>`;
  });
  return html`<section aria-labelledby="history"><h2 id="history">Các báo cáo tiến độ (${formatNumber(t.history.length)})</h2>
${rows.length ? html`<div class="table-wrap"><table><thead><tr><th>Thời gian</th><th>Đơn vị</th><th>Người báo cáo</th><th>Kênh</th><th>Tình trạng</th><th>Nội dung</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p class="muted">Chưa có báo cáo nào.</p>`}</section>`;
}

function reportForm(session: ConsoleSession, t: TaskPage): SafeHtml {
  if (!canWrite(session)) return html``;
  const unitOptions = t.reportable.map((u) => html`<option value="${u.unitId}">${u.unit}</option>`);
  const statusOptions = PROGRESS_STATUSES.map(
    (s) => html`<option value="${s}">${PROGRESS_WORDS[s]}</option>`,
  );
  return html`<section aria-labelledby="record"><h2 id="record">Ghi nhận báo cáo thay đơn vị</h2>
<p class="muted">Báo cáo được ghi là do ${session.user.displayName ?? `người dùng #${session.user.id}`} nhập thay trên trang quản trị.</p>
<form method="post" action="${REPORT_PATH}" class="stack">
${csrfInput(session)}
<input type="hidden" name="taskId" value="${t.taskId}">
<label>Đơn vị <select name="unitId" required>${unitOptions}</select></label>
<label>Tình trạng <select name="status" required>${statusOptions}</select></label>
<label>Tỷ lệ hoàn thành (%) <input type="number" name="percent" min="0" max="100" step="any" inputmode="decimal"></label>
<label>Số liệu thực tế (%) <input type="number" name="actual" min="0" step="any" inputmode="decimal"></label>
<label class="wide">Nội dung báo cáo <textarea name="text" rows="3" maxlength="2000"></textarea></label>
<button type="submit">Ghi nhận</button>
</form></section>`;
}

/** The task's page; `notice` is the confirmation after a report was recorded. */
export function renderTaskPage(session: ConsoleSession, t: TaskPage, notice: string | null): string {
  const saved = notice ? html`<p class="notice" role="status">${notice}</p>` : '';
  const body = html`${saved}<p><a href="${tasksHref(t.year ? { year: t.year } : {})}">← Danh sách nhiệm vụ</a></p>${planRow(t)}${units(t)}${history(t)}${reportForm(session, t)}`;
  return page({ title: `Nhiệm vụ ${t.number}`, session, active: 'tasks', body });
}
