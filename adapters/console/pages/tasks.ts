/**
 * Nhiệm vụ: the task list with its GET filter form (GET /admin/tasks), one task (GET /admin/tasks/view?id=…: ids
 * contain '/', so the id travels in the query), and a report recorded on a unit's behalf (POST /admin/tasks/report,
 * admins only; refused with a Vietnamese page, nothing written). The work is done in src/console/.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type ConsoleTaskList, listConsoleTasks } from '../../../src/console/task-list.ts';
import { findTaskPage } from '../../../src/console/task-page.ts';
import { recordConsoleReport } from '../../../src/console/task-report.ts';
import { todayIn } from '../../../src/core/clock.ts';
import { PROGRESS_STATUSES } from '../../../src/kb/progress-repo.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import { STATUS_WORDS, VERDICT_WORDS } from '../../../src/reply/status-words.ts';
import { TASK_STATUSES } from '../../../src/report/types.ts';
import { type ConsolePage, type ConsoleSession, sendPage, sessionOf } from '../context.ts';
import { html } from '../html.ts';
import { messagePage, page } from '../layout.ts';
import { canWrite } from '../plugin.ts';
import { REPORT_PATH, TASK_PATH, TASKS_PATH, TaskQuery, taskHref } from './task-links.ts';
import { PROGRESS_WORDS, renderTaskPage } from './task-view.ts';

/** More rows than this is no longer a list anyone reads: the page asks to narrow the filters. */
const MAX_ROWS = 500;

const n = (value: number) => formatNumber(value);

function filterForm(list: ConsoleTaskList, q: TaskQuery): ReturnType<typeof html> {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const units = list.units.map((u) => option(String(u.id), u.name, q.unit === u.id));
  const statuses = TASK_STATUSES.map((s) => option(s, STATUS_WORDS[s], q.status === s));
  const sections = list.sections.map((s) => option(s.code, `${s.code}. ${s.title}`, q.section === s.code));
  return html`<form method="get" action="${TASKS_PATH}" class="filters">
<label>Từ khóa <input type="search" name="q" value="${q.q ?? ''}" placeholder="vd. cong bo chi so"></label>
<label>Đơn vị <select name="unit"><option value="">Tất cả</option>${units}</select></label>
<label>Tình trạng <select name="status"><option value="">Tất cả</option>${statuses}</select></label>
<label>Phần <select name="section"><option value="">Tất cả</option>${sections}</select></label>
<label>Năm <input type="number" name="year" min="2000" max="2100" value="${list.year}"></label>
${q.soon ? html`<label><input type="checkbox" name="soon" value="1" checked> Đến hạn trong 14 ngày</label>` : ''}
${q.kpi ? html`<label><input type="checkbox" name="kpi" value="${q.kpi}" checked> Có chỉ tiêu “${VERDICT_WORDS[q.kpi]}”</label>` : ''}
<button type="submit">Lọc</button> <a href="${TASKS_PATH}">Bỏ lọc</a>
</form>`;
}

/** The list page, for a session, the query as read and the list (tests call it directly). */
export function renderTaskList(session: ConsoleSession, q: TaskQuery, list: ConsoleTaskList): string {
  const shown = list.rows.slice(0, MAX_ROWS);
  const rows = shown.map(
    (r) =>
      html`<tr><td><a href="${taskHref(r.taskId)}">${r.number}</a><br><span class="muted">${r.plan}</span></td><td>${r.content}</td><td>${r.lead.join('; ')}</td><td>${r.deadline}</td><td>${STATUS_WORDS[r.status]}</td></tr>`,
  );
  const more =
    list.rows.length > MAX_ROWS
      ? html`<p class="warning">Đang hiện ${n(MAX_ROWS)} trong ${n(list.rows.length)} nhiệm vụ; hãy lọc thêm.</p>`
      : '';
  const body = html`${filterForm(list, q)}
<p role="status">${n(list.rows.length)} nhiệm vụ.</p>${more}
${rows.length ? html`<div class="table-wrap"><table class="tasks"><thead><tr><th>Mục</th><th>Nội dung</th><th>Chủ trì</th><th>Thời gian</th><th>Tình trạng</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p class="muted">Không có nhiệm vụ nào khớp bộ lọc.</p>`}`;
  return page({ title: 'Nhiệm vụ', session, active: 'tasks', body });
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const ReportForm = z.object({
  taskId: z.string().min(1).max(300),
  unitId: z.coerce.number().int().positive(),
  status: z.enum(PROGRESS_STATUSES),
  percent: z.preprocess(blank, z.coerce.number().min(0).max(100).nullable()).default(null),
  actual: z.preprocess(blank, z.coerce.number().min(0).max(1_000_000).nullable()).default(null),
  text: z.string().max(2000).default(''),
});

const TEXT = {
  notFound: ['Không tìm thấy nhiệm vụ', ['Nhiệm vụ này không có, hoặc không thuộc phạm vi bạn được xem.']],
  adminsOnly: [
    'Không có quyền',
    ['Chỉ quản trị viên mới ghi nhận báo cáo thay đơn vị trên trang quản trị. Chưa ghi nhận gì.'],
  ],
  badForm: [
    'Biểu mẫu chưa đúng',
    [
      'Báo cáo cần có đơn vị, tình trạng; tỷ lệ hoàn thành từ 0 đến 100. Chưa ghi nhận gì.',
      'Hãy quay lại và sửa.',
    ],
  ],
} as const satisfies Record<string, readonly [string, readonly string[]]>;

function sendText(reply: FastifyReply, status: number, [title, lines]: readonly [string, readonly string[]]) {
  return sendPage(reply, status, messagePage(title, lines));
}

export const tasksPage: ConsolePage = (app, deps) => {
  app.get(TASKS_PATH, async (request, reply) => {
    const session = sessionOf(request);
    const q = TaskQuery.parse(request.query ?? {});
    const list = listConsoleTasks(
      deps.db,
      session.scope,
      {
        ...(q.unit !== undefined ? { unitId: q.unit } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.section ? { section: q.section } : {}),
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(q.q ? { words: q.q } : {}),
        ...(q.soon ? { dueSoon: true } : {}),
        ...(q.kpi ? { kpi: q.kpi } : {}),
      },
      todayIn(deps.clock()),
      deps.runtime.knowledge().tasks,
    );
    return sendPage(reply, 200, renderTaskList(session, q, list));
  });

  app.get<{ Querystring: { id?: string; saved?: string } }>(TASK_PATH, async (request, reply) => {
    const session = sessionOf(request);
    const id = typeof request.query.id === 'string' ? request.query.id : '';
    const task = findTaskPage(deps.db, session.scope, id, todayIn(deps.clock()));
    if (!task) return sendText(reply, 404, TEXT.notFound);
    const saved = task.history.find((e) => String(e.id) === request.query.saved);
    const notice = saved
      ? `Đã ghi nhận báo cáo thay ${saved.unitName} cho mục ${task.number}: ${PROGRESS_WORDS[saved.status].toLowerCase()}${saved.percent !== null ? `, ${n(saved.percent)}%` : ''}.`
      : null;
    return sendPage(reply, 200, renderTaskPage(session, task, notice));
  });

  // Registered as a POST only admins pass (the guard refuses a lead's POST); checked again here, before anything.
  app.post(REPORT_PATH, async (request, reply) => {
    const session = sessionOf(request);
    if (!canWrite(session)) return sendText(reply, 403, TEXT.adminsOnly);
    const form = ReportForm.safeParse(request.body ?? {});
    if (!form.success) return sendText(reply, 400, TEXT.badForm);
    const now = deps.clock();
    const today = todayIn(now);
    // The task must be one this session sees, whatever the form says.
    if (!findTaskPage(deps.db, session.scope, form.data.taskId, today))
      return sendText(reply, 404, TEXT.notFound);
    const result = recordConsoleReport(
      deps.db,
      deps.runtime.knowledge(),
      session.user,
      form.data,
      now,
      today,
    );
    if (!result.ok) {
      deps.logger.info({ userId: session.user.id, code: result.code }, 'console: on-behalf report refused');
      const lines =
        result.reason !== undefined
          ? [result.reason]
          : result.code === 'admins_only'
            ? TEXT.adminsOnly[1]
            : result.code === 'no_task'
              ? TEXT.notFound[1]
              : TEXT.badForm[1];
      return sendText(reply, 403, ['Không ghi nhận được báo cáo', lines]);
    }
    deps.logger.info({ userId: session.user.id, reportId: result.id }, 'console: report recorded on behalf');
    return reply.redirect(taskHref(form.data.taskId, { saved: String(result.id) }), 303);
  });
};
