import type { TaskStatus } from '../report/types.ts';

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
