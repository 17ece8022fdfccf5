/**
 * Tổng quan in a real Chromium: the numbers a person reads on the page (the bars' accessible names, the legend,
 * the section headings) equal those of `cli report --format json` and `cli export --json` for the same
 * organisation, year and day: both sides run on the fixed day 22/11/2026 (console-server.ts); the page's own
 * "tính đến ngày" is checked to be that day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STATUS_WORDS } from '../../../src/reply/status-words.ts';
import { type ProgressReportData, TASK_STATUSES, type TaskStatus } from '../../../src/report/types.ts';
import { screenshot } from '../../support/browser.ts';
import { type ExportJson, ORG, PEOPLE, today, useConsoleServer, visibleText } from './console-server.ts';

const { fixture, signedIn } = useConsoleServer();

/** `cli report --format json` for the dashboard's period: the year so far, statuses as of today. */
async function reportJson(extra: string[] = []): Promise<ProgressReportData> {
  const day = today();
  const out = join(fixture.dir, `report-${extra.join('-').replace(/\W+/g, '_')}.json`);
  const args = [
    'report',
    '--org',
    ORG,
    ...extra,
    '--year',
    day.slice(0, 4),
    '--period',
    `${day.slice(0, 4)}-01-01..${day}`,
  ];
  const made = await fixture.cli([...args, '--format', 'json', '--out', out]);
  expect(made.code, made.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as ProgressReportData;
}

/** "1.234" (Vietnamese thousands) → 1234. */
const num = (text: string) => Number(text.replace(/\./g, ''));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface BarNumbers {
  total: number;
  counts: Record<TaskStatus, number>;
}

/** The numbers a screen reader says for a stacked bar: "Văn phòng Sở: 27 nhiệm vụ — 1 hoàn thành đúng hạn; …". */
async function barNumbers(page: Page, label: string): Promise<BarNumbers> {
  const bar = page.getByRole('img', { name: new RegExp(`^${escapeRegExp(label)}: `) });
  await expect(bar.count(), `one bar for ${label}`).resolves.toBe(1);
  const name = (await bar.getAttribute('aria-label')) ?? '';
  const total = new RegExp(`^${escapeRegExp(label)}: ([\\d.]+) nhiệm vụ`).exec(name)?.[1];
  const counts = Object.fromEntries(
    TASK_STATUSES.map((s) => {
      const found = new RegExp(`([\\d.]+) ${escapeRegExp(STATUS_WORDS[s].toLowerCase())}`).exec(name)?.[1];
      return [s, found ? num(found) : 0];
    }),
  ) as Record<TaskStatus, number>;
  return { total: total ? num(total) : Number.NaN, counts };
}

/** "Quá hạn, chưa hoàn thành: 3 nhiệm vụ" → 3, from the level-2 heading that starts so. */
async function headingNumber(page: Page, start: RegExp): Promise<number> {
  const heading = page.getByRole('heading', { level: 2, name: start });
  await expect(heading.count(), `one heading ${start}`).resolves.toBe(1);
  const text = await visibleText(heading);
  const found = /:\s*([\d.]+)\s+(nhiệm vụ|đơn vị)\s*$/.exec(text.trim())?.[1];
  expect(found, text).toBeDefined();
  return num(found ?? 'NaN');
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** From the export: the report's plans' tasks (headings are not tasks), and those due within 14 days, not done. */
function fromExport(kb: ExportJson, report: ProgressReportData) {
  const planIds = new Set(report.plans.map((p) => p.id));
  const tasks = kb.tasks.filter((t) => planIds.has(t.planId) && !t.isHeading);
  const status = new Map<string, string>();
  for (const row of report.tasks) if (row.kind === 'task') status.set(row.taskId, row.status);
  const day = today();
  const dueSoon = tasks.filter((t) => {
    const due = t.deadline.due;
    const s = status.get(t.id);
    return due !== null && due >= day && due <= addDays(day, 14) && s !== 'done_on_time' && s !== 'done_late';
  });
  return { tasks, dueSoon };
}

describe("Tổng quan: the numbers on the page are the report's and the export's", { timeout: 180_000 }, () => {
  it("an admin's dashboard: per unit, in total, overdue, due within 14 days, reported this week", async () => {
    const page = await signedIn('admin');
    const [report, kb] = await Promise.all([reportJson(), fixture.exportJson()]);
    const main = await visibleText(page.locator('main'));
    const [y, m, d] = today().split('-');
    expect(main, 'the page counts as of the same day as the CLI').toContain(`${d}/${m}/${y}`);

    // Per lead unit: the report's Part 1 rows.
    const units = report.summary.filter((row) => !row.isTotal);
    expect(units.length).toBeGreaterThan(0);
    for (const row of units) {
      const bar = await barNumbers(page, row.unit);
      expect(bar, row.unit).toEqual({ total: row.total, counts: row.counts });
    }
    // "Toàn bộ": the report's "Tổng cộng", each task once; the export has as many tasks in those plans.
    const total = report.summary.find((row) => row.isTotal);
    const all = await barNumbers(page, 'Toàn bộ');
    expect(all).toEqual({ total: total?.total, counts: total?.counts });
    const exported = fromExport(kb, report);
    expect(all.total).toBe(exported.tasks.length);
    // The legend says the same numbers in words.
    for (const s of TASK_STATUSES) {
      const item = page
        .getByRole('listitem')
        .filter({ hasText: `${STATUS_WORDS[s]}:` })
        .first();
      expect(num((await visibleText(item)).split(':').pop()?.trim() ?? ''), s).toBe(total?.counts[s]);
    }

    expect(await headingNumber(page, /^Quá hạn, chưa hoàn thành:/)).toBe(total?.counts.overdue);
    expect(await headingNumber(page, /^Đến hạn trong 14 ngày tới:/)).toBe(exported.dueSoon.length);

    // Who reported this week: the units whose latest report in the report's Part 2 is dated this week.
    const monday = addDays(today(), -((new Date(`${today()}T00:00:00Z`).getUTCDay() + 6) % 7));
    const reported = new Set<string>();
    for (const row of report.tasks)
      if (row.kind === 'task')
        for (const r of row.results) if (r.reportedOn && r.reportedOn >= monday) reported.add(r.unit);
    expect(reported.size).toBeGreaterThan(0);
    expect(await headingNumber(page, /^Đã báo cáo trong tuần/)).toBe(reported.size);
    for (const unit of reported) expect(main).toContain(unit);

    await screenshot(page, 'dashboard-desktop');
  });

  it("a lead's dashboard is their unit's, as `report --unit`", async () => {
    const page = await signedIn('lead');
    const report = await reportJson(['--unit', PEOPLE.lead.unit]);
    const row = report.summary.find((r) => r.unit === PEOPLE.lead.unit);
    expect(row).toBeDefined();
    const bar = await barNumbers(page, PEOPLE.lead.unit);
    expect(bar).toEqual({ total: row?.total, counts: row?.counts });
  });

  it("a number links to the tasks behind it, and the list's filters give the same count", async () => {
    const page = await signedIn('admin', 'phone');
    await screenshot(page, 'dashboard-phone');
    const overdue = await headingNumber(page, /^Quá hạn, chưa hoàn thành:/);
    await page
      .getByRole('heading', { level: 2, name: /^Quá hạn, chưa hoàn thành:/ })
      .getByRole('link')
      .click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/admin/tasks');
    expect(await visibleText(page.getByRole('status'))).toBe(`${overdue} nhiệm vụ.`);
    expect(await page.locator('main a[href^="/admin/tasks/view"]').count()).toBe(overdue);

    // The same list chosen with the filter form, as a person would: one unit, one status.
    const report = await reportJson();
    const row = report.summary.find((r) => r.unit === PEOPLE.lead.unit);
    await page.goto(`${fixture.url}/admin/tasks`);
    await page.getByLabel('Đơn vị').selectOption({ label: PEOPLE.lead.unit });
    await page.getByLabel('Tình trạng').selectOption({ label: STATUS_WORDS.ongoing });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForLoadState();
    expect(await visibleText(page.getByRole('status'))).toBe(`${row?.counts.ongoing} nhiệm vụ.`);
    await screenshot(page, 'tasks-filtered-phone');
  });

  it("a report recorded on a unit's behalf on a task's page moves the dashboard as it moves the report", async () => {
    const page = await signedIn('admin');
    const overdueBefore = await headingNumber(page, /^Quá hạn, chưa hoàn thành:/);
    expect(overdueBefore).toBeGreaterThan(0);
    // The first overdue task, from the dashboard's own table, and one of its late lead units.
    const section = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: /^Quá hạn/ }),
    });
    const first = section.getByRole('row').nth(1);
    const lateUnits = (await visibleText(first.getByRole('cell').nth(3))).split(';').map((u) => u.trim());
    const unit = lateUnits[0] ?? '';
    await first.getByRole('link').first().click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/admin/tasks/view');
    const form = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Ghi nhận báo cáo thay đơn vị' }),
    });
    await form.getByLabel('Đơn vị').selectOption({ label: unit });
    await form.getByLabel('Tình trạng').selectOption({ label: 'Đã hoàn thành' });
    await form.getByLabel('Nội dung báo cáo').fill('Đã ban hành văn bản (ghi nhận trên trang quản trị)');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.waitForLoadState();
    expect(await visibleText(page.locator('main'))).toContain(
      'Đã ban hành văn bản (ghi nhận trên trang quản trị)',
    );
    await screenshot(page, 'task-reported-desktop');

    await page.goto(`${fixture.url}/admin`);
    const report = await reportJson();
    const total = report.summary.find((row) => row.isTotal);
    const overdueAfter = await headingNumber(page, /^Quá hạn, chưa hoàn thành:/);
    expect(overdueAfter).toBe(total?.counts.overdue);
    // Its only late lead unit reported it done: one task fewer is overdue (it is now done late).
    if (lateUnits.length === 1) expect(overdueAfter).toBe(overdueBefore - 1);
    const bar = await barNumbers(page, unit);
    const row = report.summary.find((r) => r.unit === unit);
    expect(bar).toEqual({ total: row?.total, counts: row?.counts });
  });
});
