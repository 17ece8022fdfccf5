/**
 * People and reports in a real Chromium: approving a person waiting in /admin/users lets them report in chat;
 * the period report downloads from /admin/reports and opens, with the numbers of `cli report`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressReportData } from '../../../src/report/types.ts';
import { screenshot } from '../../support/browser.ts';
import { createFakeZalo, type FakeZalo } from '../../support/fake-zalo.ts';
import { ORG, useConsoleServer, visibleText } from './console-server.ts';

const TOKEN = '123456789:console-e2e-token';
const SECRET = 'console-e2e-webhook-secret';
let zalo: FakeZalo;

// Registered first so that it runs last (hooks run as a stack): the fake Zalo outlives the server that calls it.
afterAll(async () => {
  await zalo?.close();
});

const { fixture, signedIn: signedInAs } = useConsoleServer({
  async serverEnv() {
    zalo = await createFakeZalo({ token: TOKEN });
    return {
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_BASE: zalo.baseUrl,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/api/zalo/webhook',
      ZALO_WEBHOOK_SECRET: SECRET,
    };
  },
});

const signedIn = (viewport: 'phone' | 'desktop' = 'desktop'): Promise<Page> => signedInAs('admin', viewport);

/** A civil servant who writes to the bot on Zalo for the first time. */
const LAN = { id: '7c1f0a9e2b3d4c5e6f70', name: 'Nguyễn Thị Lan' };
let messages = 0;

/** One private Zalo message to the server's webhook; resolves with the bot's answer (all its parts). */
async function zaloChat(text: string): Promise<string> {
  const before = zalo.sent.length;
  const response = await fetch(`${fixture.url}/api/zalo/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      event_name: 'message.text.received',
      message: {
        message_id: `console-e2e-${++messages}`,
        date: Date.now(),
        text,
        from: { id: LAN.id, display_name: LAN.name, is_bot: false },
        chat: { id: LAN.id, chat_type: 'PRIVATE' },
      },
    }),
  });
  expect(response.status).toBe(200);
  await zalo.waitForSent(before + 1, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 500)); // a long answer comes in several messages
  return zalo.sent
    .slice(before)
    .filter((m) => m.chat_id === LAN.id)
    .map((m) => m.text)
    .join('\n');
}

describe('users', { timeout: 180_000 }, () => {
  it('approving a waiting person in /admin/users lets them report in chat', async () => {
    await zaloChat('tôi thuộc Văn phòng Sở, Sở Nội vụ');
    expect(await zaloChat('báo cáo nhiệm vụ III.8 đạt 50%')).toContain('chưa được quản trị viên duyệt');

    // The page names a person by display name, else by number: find Lan's number as an operator would.
    const list = (await fixture.cli(['users', 'list'])).stdout;
    const id = list
      .split('\n')
      .find((line) => line.includes(`zalo:${LAN.id}`))
      ?.split('\t')[0];
    expect(id, list).toBeDefined();
    const lan = new RegExp(`${LAN.name}|Người dùng #${id}(?!\\d)`);

    const page = await signedIn();
    expect((await page.goto(`${fixture.url}/admin/users`))?.status()).toBe(200);
    const waiting = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: /^Chờ duyệt/ }),
    });
    const row = waiting.getByRole('row').filter({ hasText: lan });
    await expect(row.count()).resolves.toBe(1);
    expect(await visibleText(row)).toContain('chờ duyệt');
    await screenshot(page, 'users-desktop');
    await row.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.waitForLoadState();
    await expect(waiting.getByRole('row').filter({ hasText: lan }).count()).resolves.toBe(0);
    const everyone = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: /^Mọi người/ }),
    });
    expect(await visibleText(everyone.getByRole('row').filter({ hasText: lan }))).toContain('đã duyệt');
    expect((await fixture.cli(['users', 'list'])).stdout).toMatch(
      new RegExp(`zalo:${LAN.id}\\tstaff\\tđã duyệt`),
    );

    expect(await zaloChat('báo cáo nhiệm vụ III.8 đạt 50%')).toContain('Đã ghi nhận báo cáo');
  });

  it('the users page at phone width', async () => {
    const page = await signedIn('phone');
    expect((await page.goto(`${fixture.url}/admin/users`))?.status()).toBe(200);
    await screenshot(page, 'users-phone');
  });
});

describe('reports', { timeout: 180_000 }, () => {
  it('the period report downloads as .xlsx, opens, and holds the numbers of `cli report`', async () => {
    const json = join(fixture.dir, 'report.json');
    const made = await fixture.cli(['report', '--org', ORG, '--format', 'json', '--out', json]);
    expect(made.code, made.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(json, 'utf8')) as ProgressReportData;

    const page = await signedIn();
    expect((await page.goto(`${fixture.url}/admin/reports`))?.status()).toBe(200);
    await screenshot(page, 'reports-desktop');
    await page.getByLabel('Excel (.xlsx)').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(fixture.dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
    const cells = workbook.worksheets
      .flatMap((sheet) => sheet.getSheetValues())
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map((value) => (value && typeof value === 'object' && 'richText' in value ? '' : String(value ?? '')));
    expect(cells.join('\n')).toContain(expected.title);
    expect(cells.join('\n')).toContain(expected.period.label);
    // Part 1's total row: the same count of tasks as `cli report` made for the same day.
    const total = expected.summary.find((row) => row.isTotal);
    const summary = workbook.worksheets[0];
    const totalRow = summary?.getSheetValues().find((row) => Array.isArray(row) && row.includes('Tổng cộng'));
    expect(totalRow).toBeDefined();
    expect((totalRow as unknown[]).map(String)).toContain(String(total?.total));
  });

  it('the reports page at phone width', async () => {
    const page = await signedIn('phone');
    expect((await page.goto(`${fixture.url}/admin/reports`))?.status()).toBe(200);
    await screenshot(page, 'reports-phone');
  });
});
