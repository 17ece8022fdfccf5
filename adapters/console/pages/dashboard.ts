/**
 * Tổng quan (GET /admin): the dashboard of the session's scope — an admin's organisation, a lead's unit — drawn
 * from src/console/dashboard.ts. Every number is a link to the task list filtered to the tasks behind it.
 */
import { z } from 'zod';
import {
  buildDashboard,
  type Dashboard,
  type DashboardTask,
  KPI_VERDICTS,
} from '../../../src/console/dashboard.ts';
import { todayIn } from '../../../src/core/clock.ts';
import { formatNumber } from '../../../src/reply/numbers.ts';
import { VERDICT_COLOURS, VERDICT_WORDS } from '../../../src/reply/status-words.ts';
import type { TaskStatus } from '../../../src/report/types.ts';
import { bulletBar, stackedBar, statusLegend, swatch } from '../charts.ts';
import { type ConsolePage, type ConsoleSession, sendPage, sessionOf } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { taskHref, tasksHref, vnDay } from './task-links.ts';

const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

const n = (value: number) => formatNumber(value);

function heading(d: Dashboard): SafeHtml {
  const who = d.unit ? `${d.unit.name} (${d.organisation})` : d.organisation;
  const plans = d.plans.length ? d.plans.map((p) => p.label).join('; ') : 'chưa có kế hoạch nào';
  return html`<p>${who} — kế hoạch năm ${d.year}: ${plans}. Số liệu tính đến ngày ${vnDay(d.asOf)}.</p>
<form method="get" action="/admin" class="inline-form"><label>Năm <input type="number" name="year" min="2000" max="2100" value="${d.year}"></label> <button type="submit" class="secondary">Xem</button></form>`;
}

function statusSection(d: Dashboard): SafeHtml {
  const year = d.year;
  const rows = d.units.map((u) => {
    const href = (status: TaskStatus) => tasksHref({ unit: u.unitId, status, year });
    return html`<div class="bar-row"><p class="bar-label"><a href="${tasksHref({ unit: u.unitId, year })}">${u.unit}</a> — ${n(u.total)} nhiệm vụ chủ trì</p>${stackedBar({ ...u, label: u.unit, href })}</div>`;
  });
  const totalHref = (status: TaskStatus) => tasksHref({ status, year });
  return html`<section aria-labelledby="by-unit"><h2 id="by-unit">Tình hình thực hiện theo đơn vị chủ trì</h2>
<p>Toàn bộ: <a href="${tasksHref({ year })}">${n(d.total.total)} nhiệm vụ</a> (mỗi nhiệm vụ tính một lần, theo tình trạng chậm nhất của các đơn vị chủ trì).</p>
${stackedBar({ ...d.total, label: 'Toàn bộ', href: totalHref })}
${statusLegend(d.total.counts, totalHref)}
${rows.length ? rows : html`<p class="muted">Chưa có nhiệm vụ nào.</p>`}
</section>`;
}

/** Rows a dashboard table shows; the heading's count links to the whole list. */
const TABLE_ROWS = 30;

function more(total: number, href: string): SafeHtml {
  return total > TABLE_ROWS
    ? html`<p><a href="${href}">Xem tất cả ${n(total)} nhiệm vụ</a> (bảng trên chỉ hiện ${n(TABLE_ROWS)}).</p>`
    : html``;
}

function taskTable(tasks: DashboardTask[], daysHeader: string, days: (t: DashboardTask) => string): SafeHtml {
  const rows = tasks
    .slice(0, TABLE_ROWS)
    .map(
      (t) =>
        html`<tr><td><a href="${taskHref(t.taskId)}">${t.number}</a> <span class="muted">${t.plan}</span><br>${t.content}</td><td>${vnDay(t.due)}</td><td class="num">${days(t)}</td><td>${t.units.join('; ')}</td></tr>`,
    );
  return html`<div class="table-wrap"><table><thead><tr><th>Nhiệm vụ</th><th>Hạn</th><th>${daysHeader}</th><th>Đơn vị chủ trì</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function deadlineSections(d: Dashboard): SafeHtml {
  const overdueHref = tasksHref({ status: 'overdue', year: d.year });
  const soonHref = tasksHref({ soon: true, year: d.year });
  const overdue = html`<section aria-labelledby="overdue"><h2 id="overdue">Quá hạn, chưa hoàn thành: <a href="${overdueHref}">${n(d.overdue.length)} nhiệm vụ</a></h2>
${d.overdue.length ? html`${taskTable(d.overdue, 'Trễ', (t) => `${n(t.days)} ngày`)}${more(d.overdue.length, overdueHref)}` : html`<p class="muted">Không có nhiệm vụ quá hạn.</p>`}</section>`;
  const soon = html`<section aria-labelledby="due-soon"><h2 id="due-soon">Đến hạn trong ${n(d.dueSoonDays)} ngày tới: <a href="${soonHref}">${n(d.dueSoon.length)} nhiệm vụ</a></h2>
${d.dueSoon.length ? html`${taskTable(d.dueSoon, 'Còn', (t) => (t.days === 0 ? 'hôm nay' : `${n(t.days)} ngày`))}${more(d.dueSoon.length, soonHref)}` : html`<p class="muted">Không có nhiệm vụ nào đến hạn trong ${n(d.dueSoonDays)} ngày tới.</p>`}</section>`;
  return html`${overdue}${soon}`;
}

function kpiSection(d: Dashboard): SafeHtml {
  // Worst first: targets not met, then those without an actual, then those met.
  const shown = KPI_VERDICTS.flatMap((v) => d.kpis.filter((k) => k.verdict === v)).slice(0, TABLE_ROWS);
  const rows = shown.map((k) => {
    const verdictWords = VERDICT_WORDS[k.verdict];
    const actual = k.actual === null ? 'chưa có' : `${n(k.actual)}%`;
    return html`<tr><td><a href="${taskHref(k.taskId)}">${k.number}</a></td><td>${k.text}</td><td>${k.target}</td><td class="num">${actual}</td><td>${verdictWords}</td><td class="bullet-cell">${bulletBar({ target: k.value, actual: k.actual, verdict: k.verdict, targetWords: k.target, verdictWords })}</td></tr>`;
  });
  const counts = KPI_VERDICTS.map((v) => {
    const c = d.kpiCounts[v];
    return html`<li>${swatch(VERDICT_COLOURS[v])}${VERDICT_WORDS[v]}: ${n(c.targets)} chỉ tiêu, ở <a href="${tasksHref({ kpi: v, year: d.year })}">${n(c.tasks)} nhiệm vụ</a></li>`;
  });
  const rest = d.kpis.length - shown.length;
  return html`<section aria-labelledby="kpis"><h2 id="kpis">Chỉ tiêu và số liệu thực tế mới nhất: ${n(d.kpis.length)} chỉ tiêu</h2>
${d.kpis.length ? html`<ul class="legend">${counts}</ul><p class="muted">Thanh: số liệu thực tế; vạch đứng: chỉ tiêu.</p><div class="table-wrap"><table><thead><tr><th>Mục</th><th>Chỉ tiêu</th><th>Mức</th><th>Thực tế</th><th>Đánh giá</th><th>Biểu đồ</th></tr></thead><tbody>${rows}</tbody></table></div>${rest > 0 ? html`<p class="muted">Còn ${n(rest)} chỉ tiêu khác: xem theo các liên kết ở trên.</p>` : ''}` : html`<p class="muted">Các kế hoạch năm này không có chỉ tiêu định lượng.</p>`}</section>`;
}

function activitySections(d: Dashboard): SafeHtml {
  const week = d.reportedThisWeek.map(
    (u) =>
      html`<li><a href="${tasksHref({ unit: u.unitId, year: d.year })}">${u.unit}</a>: báo cáo ${n(u.reports)} nhiệm vụ (người báo cáo: ${u.reporters.join(', ')}), gần nhất ngày ${vnDay(u.lastDay ?? d.asOf)}</li>`,
  );
  const silent = d.silent.map(
    (u) =>
      html`<li><a href="${tasksHref({ unit: u.unitId, year: d.year })}">${u.unit}</a> — ${u.lastDay ? `báo cáo gần nhất ngày ${vnDay(u.lastDay)}` : 'chưa báo cáo lần nào'}</li>`,
  );
  return html`<section aria-labelledby="week"><h2 id="week">Đã báo cáo trong tuần (${vnDay(d.week.from)} – ${vnDay(d.week.to)}): ${n(week.length)} đơn vị</h2>
${week.length ? html`<ul>${week}</ul>` : html`<p class="muted">Chưa đơn vị nào báo cáo trong tuần này.</p>`}</section>
<section aria-labelledby="silent"><h2 id="silent">Không báo cáo trong ${n(d.silentDays)} ngày qua: ${n(silent.length)} đơn vị</h2>
${silent.length ? html`<ul>${silent}</ul>` : html`<p class="muted">Đơn vị nào cũng đã báo cáo trong ${n(d.silentDays)} ngày qua.</p>`}</section>`;
}

/** The whole page, for a session and the dashboard's data (tests call it directly). */
export function renderDashboard(session: ConsoleSession, d: Dashboard): string {
  const body = html`${heading(d)}${statusSection(d)}${deadlineSections(d)}${kpiSection(d)}${activitySections(d)}`;
  return page({ title: 'Tổng quan', session, active: 'dashboard', body });
}

export const dashboardPage: ConsolePage = (app, deps) => {
  app.get('/admin', async (request, reply) => {
    const session = sessionOf(request);
    const { year } = DashboardQuery.parse(request.query ?? {});
    // The knowledge cache holds the plan rows between imports; reports are read on every view.
    const tasks = deps.runtime.knowledge().tasks;
    const dashboard = buildDashboard(deps.db, session.scope, todayIn(deps.clock()), year, tasks);
    return sendPage(reply, 200, renderDashboard(session, dashboard));
  });
};
