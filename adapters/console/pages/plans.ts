import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createPendingUploads, type PendingUploads } from '../../../src/console/pending-uploads.ts';
import { listScopePlans, type PlanRow } from '../../../src/console/plan-list.ts';
import { commitPlan, previewPlan } from '../../../src/console/plan-preview.ts';
import { todayIn } from '../../../src/core/clock.ts';
import { toDisplayDate } from '../../../src/reply/format-task.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import type { ConsoleDeps, ConsolePage, ConsoleSession } from '../context.ts';
import { sendPage, sessionOf } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { canWrite, csrfInput, withCsrfQuery } from '../plugin.ts';
import { previewBody } from './plan-preview-view.ts';

/**
 * "Kế hoạch": the plans in the session's scope with their counts; for an admin, upload a plan file → a preview of
 * what was read → "Nhập" (one transaction) or "Hủy" (nothing written). The upload is read in memory and never
 * stored on disk; the parsed plan waits in memory (src/console/pending-uploads.ts) for 30 minutes at most.
 */
const T = {
  title: 'Kế hoạch',
  previewTitle: 'Xem trước kế hoạch',
  tooLarge: 'Tệp vượt giới hạn 20 MB nên không được đọc. Chưa nhập gì.',
  noFile: 'Chưa chọn tệp kế hoạch. Chưa nhập gì.',
  gone: 'Bản xem trước này không còn (đã quá 30 phút, đã nhập hoặc đã hủy). Hãy tải tệp lên lại. Chưa nhập gì.',
  cancelled: 'Đã hủy: không ghi gì vào cơ sở dữ liệu.',
  unreadable: (message: string, line: number | null) =>
    `Không đọc được tệp: ${message}${line === null ? '' : ` (dòng ${line})`}. Chưa nhập gì.`,
  imported: (tasks: number, retired: number, status: string) =>
    `Đã nhập: ${formatNumber(tasks)} nhiệm vụ${retired > 0 ? `, ${formatNumber(retired)} nhiệm vụ không còn trong tệp đã được đánh dấu bỏ` : ''}${status === 'unchanged' ? ' (không có gì thay đổi)' : ''}.`,
};

const NOTHING = 'Chưa nhập gì.';
const nothingImported = (text: string) => (text.endsWith(NOTHING) ? text : `${text} ${NOTHING}`);

const idForm = z.object({ id: z.string().min(1).max(100) });

type Notice = { kind: 'ok' | 'error'; text: string };

function planRow(plan: PlanRow): SafeHtml {
  const label = [plan.code ? `KH ${plan.code}` : plan.title, plan.appendix].filter(Boolean).join(' · ');
  return html`<tr><td>${label}<br><span class="muted">${plan.own ? plan.issuer : `${plan.issuer} (giao việc cho đơn vị)`}</span></td>
<td class="num">${plan.year ?? '—'}</td><td class="num">${formatNumber(plan.tasks)}</td><td class="num">${formatNumber(plan.units)}</td>
<td>${toDisplayDate(todayIn(new Date(plan.importedAt)))}</td></tr>`;
}

function uploadForm(session: ConsoleSession): SafeHtml {
  return html`<section>
<h2>Nhập kế hoạch từ tệp</h2>
<form method="post" action="${withCsrfQuery('/admin/plans/preview', session)}" enctype="multipart/form-data">
${csrfInput(session)}
<label>Tệp kế hoạch (.txt, .docx, .xlsx, .pdf; tối đa 20 MB) <input type="file" name="file" accept=".txt,.docx,.xlsx,.pdf" required></label>
<button type="submit">Xem trước</button>
</form>
<p class="muted">Tệp chỉ được đọc, không lưu lại. Chưa có gì được ghi cho đến khi bấm “Nhập” ở trang xem trước.</p>
</section>`;
}

export function plansListHtml(deps: ConsoleDeps, session: ConsoleSession, notice: Notice | null): string {
  const plans = listScopePlans(deps.db, session.scope);
  const table =
    plans.length === 0
      ? html`<p class="muted">Chưa có kế hoạch nào trong phạm vi ${session.scope.name}.</p>`
      : html`<div class="table-wrap"><table>
<thead><tr><th>Kế hoạch</th><th>Năm</th><th>Nhiệm vụ</th><th>Đơn vị</th><th>Ngày nhập</th></tr></thead>
<tbody>${plans.map(planRow)}</tbody></table></div>`;
  const body = html`${notice ? html`<p class="${notice.kind === 'ok' ? 'notice' : 'error'}" role="status">${notice.text}</p>` : ''}
${canWrite(session) ? uploadForm(session) : html`<p class="muted">Bạn chỉ xem được danh sách kế hoạch; việc nhập kế hoạch dành cho quản trị viên.</p>`}
<section><h2>Kế hoạch trong phạm vi ${session.scope.name} (${formatNumber(plans.length)})</h2>${table}</section>`;
  return page({ title: T.title, session, active: 'plans', body });
}

function showList(
  deps: ConsoleDeps,
  reply: FastifyReply,
  session: ConsoleSession,
  status: number,
  notice: Notice | null,
) {
  return sendPage(reply, status, plansListHtml(deps, session, notice));
}

/** The file of the multipart form, read into memory (the plugin limits it to 20 MB and one file). */
async function readUpload(
  request: FastifyRequest,
): Promise<{ name: string; bytes: Buffer } | 'none' | 'too_large'> {
  if (!request.isMultipart()) return 'none';
  try {
    const file = await request.file();
    if (!file?.filename) return 'none';
    const bytes = await file.toBuffer();
    if (file.file.truncated) return 'too_large';
    return { name: file.filename, bytes };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') return 'too_large';
    throw error;
  }
}

export function createPlansPage(pending: PendingUploads): ConsolePage {
  return (app, deps) => {
    const actorOf = (session: ConsoleSession) => ({ kind: 'user', user: session.user }) as const;
    const refuseReadOnly = (reply: FastifyReply, session: ConsoleSession) =>
      showList(deps, reply, session, 403, {
        kind: 'error',
        text: 'Chỉ quản trị viên mới nhập được kế hoạch. Chưa nhập gì.',
      });

    app.get('/admin/plans', async (request, reply) => showList(deps, reply, sessionOf(request), 200, null));

    app.post('/admin/plans/preview', async (request, reply) => {
      const session = sessionOf(request);
      if (!canWrite(session)) return refuseReadOnly(reply, session);
      const upload = await readUpload(request);
      if (upload === 'none') return showList(deps, reply, session, 422, { kind: 'error', text: T.noFile });
      if (upload === 'too_large')
        return showList(deps, reply, session, 413, { kind: 'error', text: T.tooLarge });
      const now = deps.clock();
      const result = await previewPlan(
        deps.db,
        deps.runtime.lexicon,
        upload.name,
        upload.bytes,
        now,
        actorOf(session),
      );
      if (result.kind === 'unreadable')
        return showList(deps, reply, session, 422, {
          kind: 'error',
          text: T.unreadable(result.message, result.line),
        });
      if (result.kind === 'refused')
        return showList(deps, reply, session, 403, { kind: 'error', text: nothingImported(result.message) });
      const { fileName, plan, sourceHash } = result.preview;
      const stored = pending.put({ userId: session.user.id, fileName, plan, sourceHash });
      const body = previewBody(session, result.preview, stored.id);
      return sendPage(reply, 200, page({ title: T.previewTitle, session, active: 'plans', body }));
    });

    app.post('/admin/plans/commit', async (request, reply) => {
      const session = sessionOf(request);
      if (!canWrite(session)) return refuseReadOnly(reply, session);
      const form = idForm.safeParse(request.body);
      const entry = form.success ? pending.take(session.user.id, form.data.id) : null;
      if (!entry) return showList(deps, reply, session, 410, { kind: 'error', text: T.gone });
      const result = commitPlan(deps.db, entry, deps.clock(), actorOf(session));
      if (result.kind !== 'imported') {
        const status = result.kind === 'refused' ? 403 : 422;
        return showList(deps, reply, session, status, {
          kind: 'error',
          text: nothingImported(result.message),
        });
      }
      deps.logger.info(
        { userId: session.user.id, planId: result.summary.planId, status: result.summary.status },
        'console: plan imported',
      );
      const { tasks, retired, status } = result.summary;
      return showList(deps, reply, session, 200, { kind: 'ok', text: T.imported(tasks, retired, status) });
    });

    app.post('/admin/plans/cancel', async (request, reply) => {
      const session = sessionOf(request);
      const form = idForm.safeParse(request.body);
      if (form.success) pending.drop(session.user.id, form.data.id);
      return showList(deps, reply, session, 200, { kind: 'ok', text: T.cancelled });
    });
  };
}

/** The page as the plugin registers it: one store of pending uploads per server. */
export const plansPage: ConsolePage = (app, deps) =>
  createPlansPage(createPendingUploads(deps.clock))(app, deps);
