/**
 * Importing a plan from the console in a real Chromium: upload → preview → "Nhập" adds the tasks (seen by
 * `export --json`), "Hủy" adds nothing, a broken file shows the importer's own message.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../../support/browser.ts';
import { useConsoleServer, visibleText } from './console-server.ts';

const { fixture, signedIn: signedInAs } = useConsoleServer();

/** A small new plan of Sở Nội vụ, laid out as the shipped ones (tab-separated table under the title block). */
const NEW_PLAN = [
  'Phụ lục',
  'CÁC NHIỆM VỤ VỀ CHUYỂN ĐỔI SỐ NĂM 2026',
  '(Kèm theo Kế hoạch số 99/KH-SNV ngày 15/3/2026 của Sở Nội vụ Lạng Sơn)',
  '',
  'STT\tNỘI DUNG\tSẢN PHẨM\tĐƠN VỊ/ CÁ NHÂN CHỦ TRÌ\tĐƠN VỊ/ CÁ NHÂN PHỐI HỢP\tTHỜI GIAN THỰC HIỆN',
  '1\tNâng cấp mạng nội bộ của Sở lên chuẩn IPv6\tHệ thống mạng\tVăn phòng Sở\tCác Phòng, đơn vị thuộc và trực thuộc Sở\tQuý II/2026',
  '2\tSố hóa hồ sơ lưu trữ cán bộ, công chức năm 2026\tCơ sở dữ liệu hồ sơ\tPhòng Công chức, viên chức\tVăn phòng Sở\tTháng 12/2026',
  '3\tRà soát, đưa thủ tục hành chính của Sở lên Cổng dịch vụ công toàn trình\tDanh mục thủ tục\tPhòng Tổ chức, biên chế và Cải cách hành chính\tVăn phòng Sở\tThường xuyên',
  '',
].join('\n');
const NEW_TASKS = [
  'Nâng cấp mạng nội bộ của Sở lên chuẩn IPv6',
  'Số hóa hồ sơ lưu trữ cán bộ, công chức năm 2026',
  'Rà soát, đưa thủ tục hành chính của Sở lên Cổng dịch vụ công toàn trình',
];

function planFile(name: string, content: string | Buffer): string {
  const path = join(fixture.dir, name);
  writeFileSync(path, content);
  return path;
}

const signedIn = (viewport: 'phone' | 'desktop' = 'desktop'): Promise<Page> => signedInAs('admin', viewport);

/** Chooses the file in the upload form of /admin/plans and sends it; resolves on the page that answers. */
async function upload(page: Page, path: string): Promise<number | undefined> {
  const plans = await page.goto(`${fixture.url}/admin/plans`);
  expect(plans?.status()).toBe(200);
  await page.getByLabel(/^Tệp kế hoạch/).setInputFiles(path);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/admin/plans/preview' && r.request().method() === 'POST',
    ),
    page.getByRole('button', { name: 'Xem trước', exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

async function taskContents(): Promise<string[]> {
  return (await fixture.exportJson()).tasks.map((t) => t.content);
}

describe('plans: upload, preview, import', { timeout: 180_000 }, () => {
  it('"Hủy" on the preview adds nothing', async () => {
    const before = await fixture.exportJson();
    const page = await signedIn();
    expect(await upload(page, planFile('ke-hoach-chuyen-doi-so-2026.txt', NEW_PLAN))).toBe(200);
    const preview = await visibleText(page.locator('main'));
    for (const task of NEW_TASKS) expect(preview).toContain(task);
    await expect(page.getByRole('button', { name: 'Nhập', exact: true }).first().isVisible()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Hủy', exact: true }).first().click();
    await page.waitForLoadState();
    expect(await visibleText(page.getByRole('status'))).toContain('Đã hủy');
    const after = await fixture.exportJson();
    expect(after.tasks.length).toBe(before.tasks.length);
    expect(after.plans.length).toBe(before.plans.length);
    for (const task of NEW_TASKS) expect(after.tasks.map((t) => t.content)).not.toContain(task);
  });

  it("a broken file shows the importer's message, and nothing is imported", async () => {
    const before = await fixture.exportJson();
    const page = await signedIn('phone');
    const status = await upload(
      page,
      planFile('hong.docx', Buffer.from('PK\u0003\u0004 không phải tệp Word thật')),
    );
    expect(status).toBe(422);
    // The same words `cli import` prints for this file.
    expect(await visibleText(page.locator('main'))).toContain('Tệp này không phải tệp Word hợp lệ (.docx)');
    await expect(page.getByRole('button', { name: 'Nhập', exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'plans-broken-file-phone');
    const after = await fixture.exportJson();
    expect(after.tasks.length).toBe(before.tasks.length);
  });

  it('upload → preview → "Nhập" adds the plan\'s tasks', async () => {
    const before = await fixture.exportJson();
    const phone = await signedIn('phone');
    await upload(phone, planFile('ke-hoach-chuyen-doi-so-2026.txt', NEW_PLAN));
    await screenshot(phone, 'plans-preview-phone');
    const page = await signedIn();
    expect(await upload(page, planFile('ke-hoach-chuyen-doi-so-2026.txt', NEW_PLAN))).toBe(200);
    await screenshot(page, 'plans-preview-desktop');
    await page.getByRole('button', { name: 'Nhập', exact: true }).first().click();
    await page.waitForLoadState();
    expect(await visibleText(page.getByRole('status'))).toContain('Đã nhập: 3 nhiệm vụ');
    await screenshot(page, 'plans-imported-desktop');
    const after = await fixture.exportJson();
    expect(after.tasks.length).toBe(before.tasks.length + NEW_TASKS.length);
    expect(after.plans.length).toBe(before.plans.length + 1);
    for (const task of NEW_TASKS) expect(await taskContents()).toContain(task);
    // The new plan is listed on /admin/plans.
    await page.goto(`${fixture.url}/admin/plans`);
    expect(await visibleText(page.locator('main'))).toContain('99/KH-SNV');
    await screenshot(page, 'plans-desktop');
  });
});
