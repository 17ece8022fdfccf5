import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { todayIn } from '../../../src/core/clock.ts';
import { authorize, placeName, REACH } from '../../../src/core/rights.ts';
import { listPlans } from '../../../src/kb/task-queries.ts';
import { MESSAGES } from '../../../src/reply/messages.ts';
import { buildProgressReport } from '../../../src/report/build.ts';
import { namedPeriod, periodOn } from '../../../src/report/period.ts';
import type { PeriodKey } from '../../../src/report/types.ts';
import { CONTENT_TYPES } from '../../../src/report/write.ts';
import { toFileStem } from '../../../src/vi/fold.ts';
import { attachment, writeInWorker } from '../../files-route.ts';
import type { ConsoleDeps, ConsolePage, ConsoleSession } from '../context.ts';
import { sendPage, sessionOf } from '../context.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

/**
 * "Báo cáo": the period report (src/report/) as .xlsx or .docx, built on request and laid out in the report
 * worker (adapters/files-route.ts), as the chat's "xuất báo cáo" does. The scope follows `export_report`: a lead
 * gets their unit's report, an admin their organisation's. The file is written to a private temporary folder,
 * sent, and removed.
 */
const X = MESSAGES.exportReport;
const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'year'] as const satisfies readonly Exclude<
  PeriodKey,
  'custom'
>[];
const PERIOD_NAMES: Record<(typeof PERIODS)[number], string> = {
  q1: 'Quý I',
  q2: 'Quý II',
  q3: 'Quý III',
  q4: 'Quý IV',
  h1: '6 tháng đầu năm',
  year: 'Cả năm',
};
const FORMATS = ['xlsx', 'docx'] as const;

const downloadQuery = z.object({
  period: z.enum(PERIODS),
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(FORMATS),
});

/** Whose report this session gets: the organisation for an admin, the own unit for a lead (as in chat). */
function subjectOf(deps: ConsoleDeps, session: ConsoleSession) {
  const tree = deps.runtime.knowledge().tree;
  const whole = REACH.export_report[session.user.role] === 'organisation';
  const subject = whole ? session.org : session.unit;
  const decision = authorize(
    { kind: 'user', user: session.user },
    { kind: 'export_report', unit: subject },
    deps.runtime.knowledge(),
  );
  const org = tree.orgOf(subject.id) ?? subject;
  const unit = subject.id === org.id ? null : subject;
  return { decision, org, unit, place: unit ? placeName(tree, unit) : org.name };
}

function formHtml(deps: ConsoleDeps, session: ConsoleSession, error: string | null): string {
  const today = todayIn(deps.clock());
  const current = periodOn(today);
  const { place } = subjectOf(deps, session);
  const periods = PERIODS.map(
    (p) => html`<option value="${p}"${p === current.key ? html` selected` : ''}>${PERIOD_NAMES[p]}</option>`,
  );
  const formats = FORMATS.map(
    (f, i) =>
      html`<label><input type="radio" name="format" value="${f}"${i === 0 ? html` checked` : ''}> ${X.formats[f]}</label>`,
  );
  const body = html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<section>
<h2>Báo cáo kết quả thực hiện kế hoạch của ${place}</h2>
<form method="get" action="/admin/reports/download">
<label>Kỳ báo cáo <select name="period">${periods}</select></label>
<label>Năm <input type="number" name="year" value="${current.to.slice(0, 4)}" min="2000" max="2100" inputmode="numeric"></label>
<fieldset><legend>Định dạng</legend>${formats}</fieldset>
<button type="submit">Tải báo cáo</button>
</form>
<p class="muted">Số liệu tính đến ngày chốt của kỳ (ngày 14 của tháng cuối kỳ), hoặc đến hôm nay nếu kỳ chưa kết thúc.</p>
</section>`;
  return page({ title: 'Báo cáo', session, active: 'reports', body });
}

export const reportsPage: ConsolePage = (app, deps) => {
  app.get('/admin/reports', async (request, reply) =>
    sendPage(reply, 200, formHtml(deps, sessionOf(request), null)),
  );

  app.get('/admin/reports/download', async (request, reply) => {
    const session = sessionOf(request);
    const query = downloadQuery.safeParse(request.query);
    if (!query.success)
      return sendPage(reply, 400, formHtml(deps, session, 'Hãy chọn kỳ báo cáo, năm và định dạng.'));
    const { decision, org, unit, place } = subjectOf(deps, session);
    if (!decision.ok) return sendPage(reply, 403, formHtml(deps, session, decision.reason));
    const { period: key, year, format } = query.data;
    const period = namedPeriod(key, year);
    const now = deps.clock();
    const data = buildProgressReport(deps.db, { org, unit, planId: null, year, period, today: todayIn(now) });
    if ('kind' in data) {
      const years = [
        ...new Set(
          listPlans(deps.db)
            .filter((p) => p.issuerUnitId === org.id)
            .flatMap((p) => (p.year === null ? [] : [p.year])),
        ),
      ].sort();
      return sendPage(reply, 404, formHtml(deps, session, X.noPlans(org.name, year, years)));
    }
    // A private folder of its own, removed once the file is sent: nothing stays where a URL could serve it.
    const folder = mkdtempSync(join(tmpdir(), 'nhiemvu-console-report-'));
    const path = join(folder, `report.${format}`);
    try {
      await writeInWorker(data, format, path);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const stream = createReadStream(path);
    stream.on('close', () => rmSync(folder, { recursive: true, force: true }));
    deps.logger.info({ userId: session.user.id, period: key, year, format }, 'console: report downloaded');
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', attachment(`${toFileStem(X.fileStem(period.label, place))}.${format}`))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  });
};
