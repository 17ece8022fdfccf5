/**
 * The periodic progress report ("Báo cáo kết quả thực hiện kế hoạch") as data: what `report --format json` prints
 * and what the .xlsx and .docx writers lay out. Built by build.ts from the knowledge base; knows nothing of files.
 */

/** One status scheme everywhere (report, digest, chat), as the government's trackers count tasks. */
export const TASK_STATUSES = [
  'done_on_time',
  'done_late',
  'in_progress',
  'overdue',
  'ongoing',
  'no_report',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type PeriodKey = 'q1' | 'q2' | 'q3' | 'q4' | 'h1' | 'year' | 'custom';

export interface ReportPeriod {
  key: PeriodKey;
  /** "Quý IV năm 2026", "6 tháng đầu năm 2026", "năm 2026", "từ 01/10/2026 đến 22/11/2026". */
  label: string;
  /** First and last day of the data window (ISO), the last being the cut-off day (the 14th of the period's last month). */
  from: string;
  to: string;
}

export interface ReportPlan {
  id: string;
  /** "KH 55/KH-SXD PL I", or "KH 2026 của Sở Nội vụ" for a plan without a number. */
  label: string;
  title: string;
  /** Issue date as written in the plan ("ngày 15 tháng 01 năm 2026"), when known. */
  date: string | null;
  year: number | null;
}

/** Part 1: one row per lead unit, then the total. */
export interface SummaryRow {
  unit: string;
  total: number;
  counts: Record<TaskStatus, number>;
  /** Done on time / total, in % with one decimal. */
  onTimeRate: number;
  /** Overdue and not done / total, in % with one decimal (done late is counted in its own column). */
  overdueRate: number;
  isTotal: boolean;
}

/** What one lead unit reported on a task, latest as of the cut-off. */
export interface UnitResult {
  unit: string;
  status: TaskStatus;
  /** The report's own words, then percent and KPI actual: "đã hoàn thành — 100%". Empty when none. */
  text: string;
  percent: number | null;
  actual: number | null;
  /** Day of the report (ISO) and who sent it, when there is one. */
  reportedOn: string | null;
  reporter: string | null;
}

export type TaskRow =
  | { kind: 'section'; planId: string; code: string; title: string }
  | {
      kind: 'task';
      planId: string;
      taskId: string;
      /** The number as the plan prints it ("VI.4"). */
      stt: string;
      content: string;
      lead: string[];
      coordinate: string[];
      /** As written, with the date: "Quý III/2026 (30/09/2026)". */
      deadline: string;
      product: string;
      /** One per lead unit (every lead unit, reported or not). */
      results: UnitResult[];
      /** The worst of the lead units' statuses. */
      status: TaskStatus;
    };

export type KpiVerdict = 'met' | 'not_met' | 'no_data';

/** Part 3: each target of each task in scope. */
export interface KpiRow {
  planId: string;
  taskId: string;
  stt: string;
  /** The target's words in the plan. */
  text: string;
  /** Operator and value in words: "trên 99%", "từ 80% trở lên". */
  target: string;
  /** Latest KPI actual reported by a lead unit (as of the cut-off), or null. */
  actual: number | null;
  verdict: KpiVerdict;
}

export interface ProgressReportData {
  /** "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC — Quý IV năm 2026". */
  title: string;
  organisation: string;
  /** Set when the report covers one unit only. */
  unit: string | null;
  plans: ReportPlan[];
  period: ReportPeriod;
  /** The day the report was made (ISO). */
  madeOn: string;
  summary: SummaryRow[];
  tasks: TaskRow[];
  kpis: KpiRow[];
}
