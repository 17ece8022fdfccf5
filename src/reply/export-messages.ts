/**
 * The period progress report: its file's own words, and what the bot says when asked for it in chat — part of
 * MESSAGES (src/reply/messages.ts), kept in a file of its own so each stays short.
 */
export const EXPORT_MESSAGES = {
  /** The periodic progress report (src/report/). */
  reportFile: {
    title: (period: string) => `BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH ${period.toUpperCase()}`,
    total: 'Tổng cộng',
  },
  /** "xuất báo cáo quý 4" in chat: a download link (GET /files/<token>), never the file itself. */
  exportReport: {
    leadsOnly:
      'Chỉ trưởng đơn vị hoặc quản trị viên (đã đăng ký và được duyệt) mới xuất được báo cáo: trưởng đơn vị lấy báo cáo của đơn vị mình, quản trị viên lấy báo cáo của cả cơ quan. Nếu cần báo cáo, bạn hãy nhờ trưởng đơn vị.',
    notApproved:
      'Tài khoản của bạn chưa được duyệt. Chỉ trưởng đơn vị hoặc quản trị viên đã được duyệt mới xuất được báo cáo.',
    noPlans: (org: string, year: number, years: number[]) =>
      `${org} không có kế hoạch năm ${year} nên chưa có báo cáo để xuất.` +
      (years.length > 0
        ? ` Có kế hoạch ${years.length === 1 ? 'năm' : 'các năm'} ${years.join(', ')}, ví dụ: “xuất báo cáo năm ${years.at(-1)}”.`
        : ''),
    formats: { xlsx: 'Excel (.xlsx)', docx: 'Word (.docx)' },
    ready: (what: string, plans: string, cutoff: string, format: string) =>
      `Báo cáo kết quả thực hiện kế hoạch ${what} (${plans}), số liệu tính đến ngày ${cutoff}, tệp ${format}:`,
    /** Said beside the download link. */
    linkNote: '(liên kết dùng được trong 24 giờ)',
    /** "Quý IV năm 2026 của Phòng Công chức, viên chức, Sở Nội vụ". */
    covers: (period: string, place: string) => `${period} của ${place}`,
    /** The downloaded file's name before it is made ASCII: "Báo cáo Quý IV 2026 Sở Nội vụ". */
    fileStem: (period: string, place: string) => `Báo cáo ${period.replace(/ năm (\d{4})$/, ' $1')} ${place}`,
    /** The page a dead link shows (GET /files/<token> with an unknown or expired token). */
    gonePage:
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Liên kết không còn dùng được</title></head>' +
      '<body><h1>Liên kết tải báo cáo không còn dùng được</h1><p>Liên kết tải báo cáo không còn dùng được: ' +
      'liên kết chỉ dùng được trong 24 giờ, hoặc đã bị gõ sai. Hãy nhắn lại cho Trợ lý nhiệm vụ, ví dụ ' +
      '“xuất báo cáo quý 4”, để nhận liên kết mới.</p></body></html>',
  },
} as const;
