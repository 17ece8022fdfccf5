import type { KpiVerdict, TaskStatus } from '../report/types.ts';

/** The words of each status, the same in the report, the digest and chat answers. */
export const STATUS_WORDS: Record<TaskStatus, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện, trong hạn',
  overdue: 'Quá hạn, chưa hoàn thành',
  ongoing: 'Thường xuyên / theo kế hoạch',
  no_report: 'Chưa có báo cáo',
};

/** Short forms for narrow table columns (Part 1 of the report). */
export const STATUS_SHORT: Record<TaskStatus, string> = {
  done_on_time: 'HT đúng hạn',
  done_late: 'HT quá hạn',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  ongoing: 'Thường xuyên',
  no_report: 'Chưa báo cáo',
};

/**
 * The colours trackers use beside the words (RRGGBB; never the only sign): green done on time, orange done late,
 * blue in progress, red overdue, grey otherwise. The .xlsx and .docx writers both paint with these.
 */
export const STATUS_COLOURS: Record<TaskStatus, string> = {
  done_on_time: 'C6EFCE',
  done_late: 'FFD8A8',
  in_progress: 'BDD7EE',
  overdue: 'FFC7CE',
  ongoing: 'E7E6E6',
  no_report: 'E7E6E6',
};

/** A target against its latest actual, in the report's Part 3. */
export const VERDICT_WORDS: Record<KpiVerdict, string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  no_data: 'Chưa có số liệu',
};

export const VERDICT_COLOURS: Record<KpiVerdict, string> = {
  met: STATUS_COLOURS.done_on_time,
  not_met: STATUS_COLOURS.overdue,
  no_data: STATUS_COLOURS.no_report,
};
