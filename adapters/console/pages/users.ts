import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  actOnPerson,
  listPeople,
  type Person,
  type PersonAction,
  unitsOf,
} from '../../../src/console/people.ts';
import type { UnitNode } from '../../../src/kb/unit-tree.ts';
import { USER_ROLES } from '../../../src/kb/users-repo.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import { ROLE_NAMES } from '../../../src/reply/rights-messages.ts';
import type { ConsoleDeps, ConsolePage, ConsoleSession } from '../context.ts';
import { sendPage, sessionOf } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { canWrite, csrfInput } from '../plugin.ts';

/**
 * "Người dùng": who waits for approval and everyone in the scope, with their unit and role. An admin approves,
 * sets a role or a unit, revokes — each change decided by `authorize` (src/console/people.ts); a lead only reads.
 */
type Notice = { kind: 'ok' | 'error'; text: string };

const DONE: Record<PersonAction['kind'], (id: number) => string> = {
  approve: (id) => `Đã duyệt người dùng số ${id}.`,
  set_role: (id) => `Đã đổi vai trò của người dùng số ${id}.`,
  set_unit: (id) => `Đã chuyển đơn vị của người dùng số ${id}; người này cần được duyệt lại.`,
  revoke: (id) =>
    `Đã thu hồi quyền của người dùng số ${id}; các phiên đăng nhập trang quản trị của họ đã kết thúc.`,
};

const userId = z.coerce.number().int().positive();
const FORMS = {
  approve: z.object({ userId }),
  revoke: z.object({ userId }),
  role: z.object({ userId, role: z.enum(USER_ROLES) }),
  unit: z.object({ userId, unitId: z.coerce.number().int().positive() }),
};

function toAction(kind: keyof typeof FORMS, body: unknown): PersonAction | null {
  switch (kind) {
    case 'approve':
    case 'revoke': {
      const form = FORMS[kind].safeParse(body);
      return form.success ? { kind, userId: form.data.userId } : null;
    }
    case 'role': {
      const form = FORMS.role.safeParse(body);
      return form.success ? { kind: 'set_role', ...form.data } : null;
    }
    case 'unit': {
      const form = FORMS.unit.safeParse(body);
      return form.success ? { kind: 'set_unit', ...form.data } : null;
    }
  }
}

const nameOf = (p: Person) => p.displayName ?? `Người dùng #${p.id}`;
const status = (p: Person) => (p.approved ? 'đã duyệt' : 'chờ duyệt');

function postForm(
  session: ConsoleSession,
  action: string,
  p: Person,
  fields: SafeHtml,
  label: string,
  secondary = false,
) {
  return html`<form method="post" action="/admin/users/${action}" class="inline">${csrfInput(session)}<input type="hidden" name="userId" value="${p.id}">${fields}<button type="submit"${secondary ? html` class="secondary"` : ''}>${label}</button></form>`;
}

function actions(session: ConsoleSession, p: Person, units: UnitNode[]): SafeHtml {
  const roles = USER_ROLES.map(
    (r) => html`<option value="${r}"${r === p.role ? html` selected` : ''}>${ROLE_NAMES[r]}</option>`,
  );
  const unitOptions = units.map(
    (u) => html`<option value="${u.id}"${u.id === p.unitId ? html` selected` : ''}>${u.name}</option>`,
  );
  return html`${p.approved ? '' : postForm(session, 'approve', p, html``, 'Duyệt')}
${postForm(session, 'role', p, html`<label>Vai trò <select name="role">${roles}</select></label>`, 'Đặt vai trò', true)}
${postForm(session, 'unit', p, html`<label>Đơn vị <select name="unitId">${unitOptions}</select></label>`, 'Chuyển đơn vị', true)}
${p.approved ? postForm(session, 'revoke', p, html``, 'Thu hồi', true) : ''}`;
}

function peopleTable(session: ConsoleSession, people: Person[], units: UnitNode[] | null): SafeHtml {
  if (people.length === 0) return html`<p class="muted">Không có ai.</p>`;
  const rows = people.map(
    (
      p,
    ) => html`<tr><td class="num">${p.id}</td><td>${nameOf(p)}<br><span class="muted">${p.channel}</span></td><td>${p.unitName ?? '—'}</td>
<td>${ROLE_NAMES[p.role]}</td><td>${status(p)}</td>${units ? html`<td>${actions(session, p, units)}</td>` : ''}</tr>`,
  );
  return html`<div class="table-wrap"><table>
<thead><tr><th>Số</th><th>Người dùng</th><th>Đơn vị</th><th>Vai trò</th><th>Trạng thái</th>${units ? html`<th>Thao tác</th>` : ''}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function usersHtml(deps: ConsoleDeps, session: ConsoleSession, notice: Notice | null): string {
  const { waiting, everyone } = listPeople(deps.db, session.scope);
  const units = canWrite(session) ? unitsOf(deps.db, session.scope) : null;
  const body = html`${notice ? html`<p class="${notice.kind === 'ok' ? 'notice' : 'error'}" role="status">${notice.text}</p>` : ''}
${units ? '' : html`<p class="muted">Bạn chỉ xem được danh sách; việc duyệt và phân quyền dành cho quản trị viên.</p>`}
<section><h2>Chờ duyệt (${formatNumber(waiting.length)})</h2>${peopleTable(session, waiting, units)}</section>
<section><h2>Mọi người trong phạm vi ${session.scope.name} (${formatNumber(everyone.length)})</h2>${peopleTable(session, everyone, units)}</section>`;
  return page({ title: 'Người dùng', session, active: 'users', body });
}

export const usersPage: ConsolePage = (app, deps) => {
  const show = (reply: FastifyReply, session: ConsoleSession, code: number, notice: Notice | null) =>
    sendPage(reply, code, usersHtml(deps, session, notice));

  app.get('/admin/users', async (request, reply) => show(reply, sessionOf(request), 200, null));

  for (const kind of Object.keys(FORMS) as (keyof typeof FORMS)[]) {
    app.post(`/admin/users/${kind}`, async (request, reply) => {
      const session = sessionOf(request);
      if (!canWrite(session))
        return show(reply, session, 403, {
          kind: 'error',
          text: 'Bạn chỉ xem được danh sách người dùng; việc thay đổi dành cho quản trị viên. Chưa thay đổi gì.',
        });
      const action = toAction(kind, request.body);
      if (!action)
        return show(reply, session, 400, {
          kind: 'error',
          text: 'Biểu mẫu thiếu thông tin. Chưa thay đổi gì.',
        });
      const result = actOnPerson(deps.db, { kind: 'user', user: session.user }, action, deps.clock());
      if (!result.ok)
        return show(reply, session, result.code === 'refused' ? 403 : 404, {
          kind: 'error',
          text: result.reason,
        });
      deps.logger.info({ userId: session.user.id, action }, 'console: person changed');
      return show(reply, session, 200, { kind: 'ok', text: DONE[action.kind](action.userId) });
    });
  }
};
