import { doc, fromPlainText, text } from './doc.ts';
import { formatNumber } from './numbers.ts';

/**
 * What the bot sends without being asked — the weekly digest, the chase list, deadline reminders — part of
 * MESSAGES (src/reply/messages.ts), kept in a file of its own so each stays short. Same rules: Vietnamese with
 * diacritics, plain values in, numbers written the Vietnamese way.
 */
export const OUTREACH_MESSAGES = {
  digest: {
    title: (label: string, date: string) => `Bản tin tuần — ${label}, ngày ${date}`,
    sections: {
      // The report's and chat's words for the same tasks (src/reply/status-words.ts).
      overdue: 'Quá hạn, chưa hoàn thành',
      dueSoon: 'Đến hạn trong 14 ngày tới',
      silent: 'Chưa có báo cáo tiến độ 30 ngày qua',
      reported: 'Báo cáo tiến độ trong tuần',
      kpiShort: 'Chỉ tiêu chưa đạt',
    },
    late: (days: number) => `trễ ${formatNumber(days)} ngày`,
    kpiActual: (actual: number, unit: string, target: string) =>
      `thực tế ${formatNumber(actual)}${unit} — chỉ tiêu: ${target}`,
    someone: 'Cán bộ',
    more: (n: number) => `… và ${formatNumber(n)} việc khác`,
    total: (n: number) => `Tổng số nhiệm vụ phụ trách: ${formatNumber(n)}.`,
    /** A section's title and how many tasks it holds ("Quá hạn: 1.204"). */
    sectionCount: (title: string, n: number) => `${title}: ${formatNumber(n)}`,
    count: (n: number) => formatNumber(n),
    nothing: 'Không có việc quá hạn hay sắp đến hạn. Cảm ơn các đồng chí!',
    plans: (labels: string) => `Theo: ${labels}.`,
  },
  chase: {
    title: (date: string) => `Danh sách cần đôn đốc, ngày ${date}`,
    counts: (overdue: number, soon: number, silent: number) =>
      `quá hạn ${formatNumber(overdue)} · đến hạn 14 ngày tới ${formatNumber(soon)} · chưa báo cáo 30 ngày ${formatNumber(silent)}`,
    quiet: (n: number) => `${formatNumber(n)} đơn vị khác không có việc cần đôn đốc.`,
    /** Every unit looked at is quiet: said once, without a list above it. */
    allQuiet: (n: number) =>
      n === 1
        ? 'Đơn vị này không có việc quá hạn, đến hạn trong 14 ngày tới hay chưa báo cáo 30 ngày.'
        : `Cả ${formatNumber(n)} đơn vị đều không có việc quá hạn, đến hạn trong 14 ngày tới hay chưa báo cáo 30 ngày.`,
    moreUnits: (n: number) =>
      `… và ${formatNumber(n)} đơn vị khác: hỏi “nhắc việc <tên đơn vị>” để xem từng đơn vị.`,
    howToPing: 'Nhắc cán bộ của một đơn vị: “nhắc Phòng … nhiệm vụ III.7”.',
    leadsOnly: 'Danh sách đôn đốc và lệnh nhắc việc dành cho lãnh đạo và quản trị viên.',
    whichUnit: 'Bạn muốn nhắc đơn vị nào? Ví dụ: “nhắc Phòng Công chức, viên chức nhiệm vụ III.7”.',
    whichTask: 'Bạn muốn nhắc nhiệm vụ nào? Ví dụ: “nhắc Phòng Công chức, viên chức nhiệm vụ III.7”.',
    pingText: (from: string | null, citation: string, content: string, stt: string) =>
      doc(
        text(`📌 ${from ? `${from} nhắc` : 'Lãnh đạo nhắc'} đơn vị về nhiệm vụ: ${citation}`, 'title'),
        fromPlainText(content),
        text(`Cập nhật tiến độ: “báo cáo nhiệm vụ ${stt} đạt …%” hoặc “… đã hoàn thành”.`, 'note'),
      ),
    pinged: (n: number, unit: string, citation: string) =>
      `Đã gửi nhắc việc tới ${formatNumber(n)} cán bộ của ${unit} về ${citation}.`,
    nobody: (unit: string) =>
      `${unit} chưa có cán bộ nào đăng ký và được duyệt để nhận nhắc việc riêng, nên chưa nhắc được.`,
  },
  reminder: {
    title: (left: number, due: string) =>
      left <= 0
        ? `⏰ Nhắc việc: hôm nay (${due}) là hạn của nhiệm vụ sau.`
        : `⏰ Nhắc việc: còn ${left} ngày làm việc đến hạn ${due}.`,
    howToReport: (stt: string) =>
      `Cập nhật tiến độ: “báo cáo nhiệm vụ ${stt} đạt …%” hoặc “… đã hoàn thành”.`,
    howToStop: 'Không muốn nhận nhắc việc: gõ “tắt nhắc việc”.',
    off: 'Đã tắt nhắc việc. Gõ “bật nhắc việc” khi muốn nhận lại.',
    on: 'Đã bật nhắc việc: tôi sẽ nhắc trước hạn 5 và 1 ngày làm việc.',
    needUnit:
      'Bạn cần đăng ký đơn vị trước để nhận nhắc việc, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”.',
  },
} as const;
