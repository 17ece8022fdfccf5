import { findReportRequest, type ReportRequestWords } from '../../intent/entities/report-request.ts';
import { createDownload } from '../../kb/downloads-repo.ts';
import { listPlans } from '../../kb/task-queries.ts';
import { type Block, doc, link } from '../../reply/doc.ts';
import { planLabel, toDisplayDate } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { namedPeriod, periodOn } from '../../report/period.ts';
import type { ReportPeriod } from '../../report/types.ts';
import { authorize, placeName, REACH } from '../rights.ts';
import type { HandlerResult, Turn } from '../types.ts';

const X = MESSAGES.exportReport;

function result(said: string | Block[], entities: HandlerResult['entities'] = {}): HandlerResult {
  return { intent: 'export_report', entities, tasks: [], doc: doc(said) };
}

/** The period named (in the year named, else this year), or the one being reported on today. */
function askedPeriod(asked: ReportRequestWords, today: string): ReportPeriod {
  if (asked.period) return namedPeriod(asked.period, asked.year ?? Number(today.slice(0, 4)));
  const current = periodOn(today);
  return asked.year === null || current.key === 'custom' ? current : namedPeriod(current.key, asked.year);
}

/**
 * "xuất báo cáo quý 4 file excel": the period report as a download link. The message is answered inside the
 * conversation's transaction, so nothing is written to disk here: a row (src/kb/downloads-repo.ts) keeps what
 * was asked, and GET /files/<token> builds and sends the file (adapters/files-route.ts).
 */
export function answerExportReport(turn: Turn): HandlerResult {
  // The role's reach is the report's scope: a lead's own unit, an admin's whole organisation.
  const whole = REACH.export_report[turn.user.role] === 'organisation';
  const subject = whole ? (turn.org ?? turn.unit) : turn.unit;
  const decision = authorize(
    { kind: 'user', user: turn.user },
    { kind: 'export_report', unit: subject },
    turn.k,
  );
  if (!decision.ok || !subject) return result(decision.ok ? X.leadsOnly : decision.reason);
  const org = turn.k.tree.orgOf(subject.id) ?? subject;
  const unit = subject.id === org.id ? null : subject;
  const asked = findReportRequest(turn.msg.folded);
  const period = askedPeriod(asked, turn.today);
  const year = asked.year ?? Number(period.to.slice(0, 4));
  const own = listPlans(turn.db).filter((p) => p.issuerUnitId === org.id);
  const plans = own.filter((p) => p.year === year);
  if (plans.length === 0) {
    const years = [...new Set(own.flatMap((p) => (p.year === null ? [] : [p.year])))].sort();
    return result(X.noPlans(org.name, year, years), { year });
  }
  const download = createDownload(
    turn.db,
    {
      orgId: org.id,
      unitId: unit?.id ?? null,
      planId: null,
      period,
      year: asked.year,
      format: asked.format,
      madeOn: turn.today,
      userId: turn.user.id,
    },
    turn.now,
  );
  const place = unit ? placeName(turn.k.tree, unit) : org.name;
  const said = doc(
    X.ready(
      X.covers(period.label, place),
      plans.map((p) => planLabel(p)).join('; '),
      toDisplayDate(period.to),
      X.formats[asked.format],
    ),
    link(`${turn.publicBaseUrl}/files/${download.token}`, X.linkNote),
  );
  const timeRange = { from: period.from, to: period.to, label: period.label };
  return result(said, { unit: place, year, timeRange });
}
