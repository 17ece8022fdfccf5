/**
 * A hand-built progress report shared by the .xlsx and .docx writer tests: Sở Nội vụ, Quý IV năm 2026.
 * Two sections; a task with two lead units (one done on time, one overdue → the task is overdue); a task done late;
 * an ongoing task; an unreported task; an in-progress task; a task done on time; three KPI rows (met, not met, no data).
 *
 * Part 1 counts each lead unit's own status per task; the total row counts each task once with its own (worst) status,
 * so the two-lead task counts in two unit rows but once in the total (6 tasks).
 * Rates follow the comments in types.ts: on time = done on time / tasks due in the period or ongoing; overdue =
 * (done late + overdue) / total. (build.ts currently computes done_on_time / total and overdue / total, and sorts the
 * unit rows by name; the writers only lay the numbers out, so their tests do not depend on which.)
 */

import type { ProgressReportData, TaskStatus } from '../../src/report/types.ts';

const PLAN_ID = 'kh-2026-snv';
const VP = 'Văn phòng Sở';
const CCHC = 'Phòng Cải cách hành chính';
const CCVC = 'Phòng Công chức, viên chức';

function counts(partial: Partial<Record<TaskStatus, number>>): Record<TaskStatus, number> {
  return {
    done_on_time: 0,
    done_late: 0,
    in_progress: 0,
    overdue: 0,
    ongoing: 0,
    no_report: 0,
    ...partial,
  };
}

export const SAMPLE_REPORT: ProgressReportData = {
  title: 'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC — Quý IV năm 2026',
  organisation: 'Sở Nội vụ',
  unit: null,
  plans: [
    {
      id: PLAN_ID,
      label: 'KH 2026 của Sở Nội vụ',
      title: 'Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ',
      date: 'ngày 15 tháng 01 năm 2026',
      year: 2026,
    },
  ],
  period: { key: 'q4', label: 'Quý IV năm 2026', from: '2025-12-15', to: '2026-12-14' },
  madeOn: '2026-11-22',
  summary: [
    {
      unit: VP,
      total: 2,
      counts: counts({ done_on_time: 1, ongoing: 1 }),
      onTimeRate: 50,
      overdueRate: 0,
      isTotal: false,
    },
    {
      unit: CCHC,
      total: 2,
      counts: counts({ done_late: 1, overdue: 1 }),
      onTimeRate: 0,
      overdueRate: 100,
      isTotal: false,
    },
    {
      unit: CCVC,
      total: 3,
      counts: counts({ done_on_time: 1, in_progress: 1, no_report: 1 }),
      onTimeRate: 50,
      overdueRate: 0,
      isTotal: false,
    },
    {
      unit: 'Tổng cộng',
      total: 6,
      counts: counts({ done_on_time: 1, done_late: 1, in_progress: 1, overdue: 1, ongoing: 1, no_report: 1 }),
      onTimeRate: 20,
      overdueRate: 33.3,
      isTotal: true,
    },
  ],
  tasks: [
    { kind: 'section', planId: PLAN_ID, code: 'I', title: 'Công tác chỉ đạo, điều hành và cải cách thể chế' },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'I.1',
      stt: '1',
      content:
        'Rà soát, kiến nghị sửa đổi, bổ sung các văn bản quy phạm pháp luật thuộc lĩnh vực nội vụ; bảo đảm trên 99% văn bản được ban hành đúng thẩm quyền, đúng thủ tục',
      lead: [VP, CCHC],
      coordinate: ['Các phòng chuyên môn thuộc Sở', 'Thanh tra Sở'],
      deadline: 'Quý III/2026 (30/09/2026)',
      product: 'Báo cáo kết quả rà soát',
      results: [
        {
          unit: VP,
          status: 'done_on_time',
          text: 'Đã hoàn thành rà soát 42 văn bản, kiến nghị sửa đổi 3 văn bản — 100%',
          percent: 100,
          actual: 99.5,
          reportedOn: '2026-09-25',
          reporter: 'Nguyễn Thị Hương',
        },
        {
          unit: CCHC,
          status: 'overdue',
          text: 'Đang tổng hợp kết quả rà soát của các phòng — 60%',
          percent: 60,
          actual: 97.5,
          reportedOn: '2026-10-12',
          reporter: 'Trần Văn Đức',
        },
      ],
      status: 'overdue',
    },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'I.2',
      stt: '2',
      content:
        'Công khai đầy đủ, kịp thời thủ tục hành chính thuộc thẩm quyền giải quyết của Sở trên Cổng dịch vụ công',
      lead: [CCHC],
      coordinate: [VP],
      deadline: 'Tháng 6/2026 (30/06/2026)',
      product: 'Danh mục TTHC được công khai',
      results: [
        {
          unit: CCHC,
          status: 'done_late',
          text: 'Đã công khai 100% thủ tục hành chính ngày 15/7/2026 — 100%',
          percent: 100,
          actual: 100,
          reportedOn: '2026-07-16',
          reporter: 'Trần Văn Đức',
        },
      ],
      status: 'done_late',
    },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'I.3',
      stt: '3',
      content: 'Tổ chức kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc',
      lead: [VP],
      coordinate: [CCHC],
      deadline: 'Thường xuyên',
      product: 'Thông báo kết quả kiểm tra',
      results: [
        {
          unit: VP,
          status: 'ongoing',
          text: 'Đã kiểm tra 4/6 đơn vị theo kế hoạch',
          percent: null,
          actual: null,
          reportedOn: '2026-11-10',
          reporter: 'Nguyễn Thị Hương',
        },
      ],
      status: 'ongoing',
    },
    { kind: 'section', planId: PLAN_ID, code: 'II', title: 'Cải cách tổ chức bộ máy và chế độ công vụ' },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'II.1',
      stt: '1',
      content:
        'Đánh giá, xếp loại chất lượng công chức, viên chức; bảo đảm từ 80% trở lên hoàn thành tốt nhiệm vụ trở lên',
      lead: [CCVC],
      coordinate: ['Các đơn vị trực thuộc'],
      deadline: 'Tháng 10/2026 (31/10/2026)',
      product: 'Quyết định công nhận kết quả đánh giá',
      results: [
        {
          unit: CCVC,
          status: 'no_report',
          text: '',
          percent: null,
          actual: null,
          reportedOn: null,
          reporter: null,
        },
      ],
      status: 'no_report',
    },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'II.2',
      stt: '2',
      content: 'Xây dựng đề án vị trí việc làm của các đơn vị sự nghiệp công lập trực thuộc Sở',
      lead: [CCVC],
      coordinate: [VP, CCHC],
      deadline: 'Quý I/2027 (31/03/2027)',
      product: 'Đề án trình UBND tỉnh',
      results: [
        {
          unit: CCVC,
          status: 'in_progress',
          text: 'Đã hoàn thành dự thảo, đang lấy ý kiến các đơn vị — 70%',
          percent: 70,
          actual: null,
          reportedOn: '2026-11-05',
          reporter: 'Lê Minh Tuấn',
        },
      ],
      status: 'in_progress',
    },
    {
      kind: 'task',
      planId: PLAN_ID,
      taskId: 'II.3',
      stt: '3',
      content: 'Tổ chức bồi dưỡng kiến thức quản lý nhà nước cho công chức mới tuyển dụng',
      lead: [CCVC],
      coordinate: [VP],
      deadline: 'Quý II/2026 (30/06/2026)',
      product: 'Báo cáo kết quả lớp bồi dưỡng',
      results: [
        {
          unit: CCVC,
          status: 'done_on_time',
          text: 'Đã tổ chức 2 lớp cho 85 học viên — 100%',
          percent: 100,
          actual: null,
          reportedOn: '2026-06-20',
          reporter: 'Lê Minh Tuấn',
        },
      ],
      status: 'done_on_time',
    },
  ],
  kpis: [
    {
      planId: PLAN_ID,
      taskId: 'I.1',
      stt: '1',
      text: 'Tỷ lệ văn bản quy phạm pháp luật được ban hành đúng thẩm quyền, đúng thủ tục',
      target: 'trên 99%',
      actual: 97.5,
      verdict: 'not_met',
    },
    {
      planId: PLAN_ID,
      taskId: 'I.2',
      stt: '2',
      text: 'Tỷ lệ thủ tục hành chính được công khai đầy đủ, kịp thời',
      target: '100%',
      actual: 100,
      verdict: 'met',
    },
    {
      planId: PLAN_ID,
      taskId: 'II.1',
      stt: '1',
      text: 'Tỷ lệ công chức, viên chức được xếp loại hoàn thành tốt nhiệm vụ trở lên',
      target: 'từ 80% trở lên',
      actual: null,
      verdict: 'no_data',
    },
  ],
};
