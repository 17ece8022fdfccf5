import { CONSOLE_MESSAGES } from './console-messages.ts';
import { bullet, doc } from './doc.ts';
import { EXPORT_MESSAGES } from './export-messages.ts';
import { formatNumber, formatPercent } from './numbers.ts';
import { OUTREACH_MESSAGES } from './outreach-messages.ts';
import { RIGHTS_MESSAGES, ROLE_NAMES, type Role } from './rights-messages.ts';

/** The registration example every invitation uses; the first-contact note looks for it so it is never said twice. */
export const REGISTER_EXAMPLE = '“tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”';

/** "có hạn trong 14 ngày tới", "có hạn trước 31/12/2026", "có hạn vào ngày 5/12/2026": a time label after "có hạn". */
function dueWithin(label: string): string {
  if (/^(?:trước|đến|hôm|ngày mai)/.test(label)) return label;
  return label.startsWith('ngày') ? `vào ${label}` : `trong ${label}`;
}

/** Questions offered after an empty answer, about the asker's own unit (null) or a named one. */
const NEXT = {
  overdue: (unit: string | null) => (unit ? `${unit} có việc nào quá hạn?` : 'việc nào quá hạn?'),
  dueSoon: (unit: string | null) => (unit ? `${unit} có việc nào sắp đến hạn?` : 'việc nào sắp đến hạn?'),
  all: (unit: string | null) => (unit ? `${unit} phụ trách gì?` : 'đơn vị tôi phụ trách gì?'),
  coordinate: (unit: string | null) => `${unit ?? 'phòng tôi'} phối hợp những việc gì?`,
  topic: () => 'nhiệm vụ về chuyển đổi số',
} as const;

/**
 * Every sentence the bot says, in one module. Vietnamese, with diacritics, short enough for a phone screen.
 * Functions take plain values; nothing here knows about the database or a chat platform.
 */
export const MESSAGES = {
  empty: 'Tin nhắn trống. Bạn có thể hỏi, ví dụ: “phòng tôi phụ trách gì?” hoặc gõ “hướng dẫn”.',
  truncated: '(Tin nhắn dài quá 2.000 ký tự nên chỉ đọc phần đầu.)',
  unknown: doc(
    'Xin lỗi, tôi chưa hiểu câu hỏi. Bạn có thể hỏi, ví dụ:',
    bullet('“Phòng tôi phụ trách những nhiệm vụ gì?”'),
    bullet('“Ai chủ trì việc tuyển dụng công chức?”'),
    bullet('“Việc nào quá hạn?” hoặc “Việc nào phải xong trong quý này?”'),
    bullet('“Chi tiết nhiệm vụ III.8”'),
    bullet('“Báo cáo nhiệm vụ I.5 đã hoàn thành”'),
    'Gõ “hướng dẫn” để xem đầy đủ.',
  ),
  /** A pasted article, a forwarded notice: no question to answer, and no search over the whole province. */
  notAQuestion:
    'Tin nhắn này giống một văn bản được chuyển tiếp hoặc dán vào, nên tôi không tra cứu theo nó. ' +
    'Bạn cần hỏi gì về nhiệm vụ, hãy gõ một câu ngắn, ví dụ: “phòng tôi phụ trách gì?” hoặc “chi tiết nhiệm vụ III.8”.',
  help: doc(
    'Tôi là Trợ lý nhiệm vụ: tra cứu kế hoạch cải cách hành chính và ghi nhận tiến độ. Bạn có thể hỏi:',
    bullet('Nhiệm vụ của mình: “phòng tôi phụ trách gì”, “phòng tôi chủ trì việc gì”'),
    bullet('Của đơn vị khác: “Sở Tư pháp chủ trì gì năm 2024”'),
    bullet('Ai làm: “ai chủ trì việc công khai TTHC”'),
    bullet('Theo chủ đề: “nhiệm vụ về chuyển đổi số”'),
    bullet('Thời hạn: “việc nào phải xong trong quý này”, “sắp đến hạn”'),
    bullet('Chỉ tiêu: “chỉ tiêu của phòng tôi”'),
    bullet('Quá hạn: “việc nào quá hạn”'),
    bullet('Chi tiết: “chi tiết nhiệm vụ III.8”'),
    bullet('Báo cáo: “báo cáo nhiệm vụ I.5 đạt 60%”, “III.7 tỷ lệ thực tế 99,5%”'),
    bullet('Đăng ký: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”'),
    bullet('Trưởng đơn vị, quản trị viên xuất báo cáo: “xuất báo cáo quý 4”, “báo cáo 6 tháng file word”'),
    bullet(
      'Quản trị viên, trưởng đơn vị: “duyệt”, “duyệt 12”, “đặt 12 làm trưởng phòng”, “thu hồi 12”; ' +
        'quản trị viên báo cáo thay: “báo cáo thay Phòng … : nhiệm vụ I.5 đạt 60%”',
    ),
  ),
  greeting: 'Xin chào! Tôi là Trợ lý nhiệm vụ. Gõ “hướng dẫn” để xem tôi giúp được gì.',
  thanks: 'Không có gì ạ. Cần tra cứu thêm cứ nhắn cho tôi.',
  // Digests, the chase list and deadline reminders: what the bot sends unasked (src/reply/outreach-messages.ts).
  ...OUTREACH_MESSAGES,
  cardCut: (left: number) => `… và ${formatNumber(left)} nhiệm vụ nữa không hiện được trong thẻ này.`,
  internalError: 'Xin lỗi, tôi gặp lỗi khi xử lý tin nhắn này. Bạn thử lại sau ít phút nhé.',
  /** A storage failure (src/kb/sqlite-errors.ts), said so that whoever reads it knows what to do. */
  storage: {
    readonly:
      'Không ghi được vào cơ sở dữ liệu: tệp đang ở chế độ chỉ đọc hoặc không có quyền ghi. ' +
      'Hãy báo quản trị viên kiểm tra quyền ghi của tệp và thư mục chứa nó.',
    full: 'Không ghi được vào cơ sở dữ liệu vì ổ đĩa đã đầy. Hãy báo quản trị viên giải phóng dung lượng rồi thử lại.',
    busy: 'Cơ sở dữ liệu đang bận vì một tiến trình khác đang ghi. Bạn thử lại sau ít phút nhé.',
    cantOpen:
      'Không mở được tệp cơ sở dữ liệu. Hãy báo quản trị viên kiểm tra đường dẫn và quyền truy cập của tệp.',
    corrupt:
      'Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của Trợ lý nhiệm vụ. ' +
      'Hãy báo quản trị viên khôi phục từ bản sao lưu.',
    io: 'Lỗi đọc ghi ổ đĩa khi truy cập cơ sở dữ liệu. Hãy báo quản trị viên kiểm tra ổ đĩa.',
  },
  nonText:
    'Tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi, ví dụ: “phòng tôi phụ trách gì?” hoặc “hướng dẫn”.',
  /**
   * A footnote under the first answer to someone who has not said where they work (src/core/assistant.ts);
   * without a second hello when the answer already greeted them.
   */
  firstContact: (greeted: boolean) =>
    greeted
      ? `Vì là lần đầu trò chuyện, bạn hãy đăng ký để tôi trả lời về nhiệm vụ của đơn vị bạn, ví dụ: ${REGISTER_EXAMPLE}.`
      : `Chào bạn, lần đầu trò chuyện! Để tôi trả lời về nhiệm vụ của đơn vị bạn, hãy đăng ký, ví dụ: ${REGISTER_EXAMPLE}.`,
  needRegistration:
    `Tôi chưa biết bạn thuộc đơn vị nào. Hãy đăng ký, ví dụ: ${REGISTER_EXAMPLE}. ` +
    'Trong lúc chờ, bạn vẫn có thể hỏi về một đơn vị cụ thể, ví dụ: “Sở Tư pháp chủ trì gì?”',
  registerWhich:
    'Để đăng ký, hãy cho biết bạn thuộc đơn vị nào, ghi rõ tên phòng và cơ quan, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”.',
  registered: (unit: string, org: string | null) =>
    `Đã ghi nhận: bạn thuộc ${unit}${org && org !== unit ? `, ${org}` : ''}. ` +
    'Bạn đã có thể tra cứu nhiệm vụ của đơn vị; việc báo cáo tiến độ cần quản trị viên duyệt.',
  registeredApproved: (unit: string, org: string | null) =>
    `Đã ghi nhận: bạn thuộc ${unit}${org && org !== unit ? `, ${org}` : ''}.`,
  unitNotFound: (written: string) =>
    `Tôi không tìm thấy đơn vị “${written}” trong các kế hoạch. Hãy kiểm tra lại tên, ví dụ: “Phòng Kế hoạch - Tài chính, Sở Xây dựng”.`,
  unitAmbiguous: 'Tên này có ở nhiều cơ quan. Bạn muốn nói đơn vị nào? Trả lời bằng số:',
  unitTooMany: (n: number) =>
    `Có ${formatNumber(n)} đơn vị mang tên này ở các cơ quan khác nhau. Hãy ghi thêm tên cơ quan, ví dụ: “Văn phòng Sở, Sở Xây dựng”.`,
  taskAmbiguous: 'Có nhiều nhiệm vụ mang số này. Bạn muốn xem nhiệm vụ nào? Trả lời bằng số:',
  tooManyTasks: (n: number) =>
    `Có ${formatNumber(n)} nhiệm vụ mang số này trong các kế hoạch. Hãy nói rõ kế hoạch, ví dụ: “kế hoạch 126 mục I.1”, ` +
    'hoặc đăng ký đơn vị của mình để tôi tìm trong kế hoạch của đơn vị.',
  /** How a whole section named alone ("mục VII phụ lục III") is cited back. */
  sectionRef: (section: string) => `thuộc mục ${section}`,
  taskNotFound: (ref: string) =>
    `Không có nhiệm vụ ${ref} trong các kế hoạch đang xem. Hãy kiểm tra lại số mục, ví dụ: “chi tiết nhiệm vụ III.8”.`,
  noTasks: 'Không tìm thấy nhiệm vụ nào phù hợp.',
  noTargets: 'Nhiệm vụ này không nêu chỉ tiêu định lượng.',
  whichTask:
    'Bạn hỏi nhiệm vụ nào? Hãy ghi số mục, ví dụ: “nhiệm vụ III.8 hạn bao giờ”, hoặc hỏi một nhiệm vụ trước rồi hỏi tiếp “nhiệm vụ đó …”.',
  /**
   * An empty list says once what was looked for — never a "0 nhiệm vụ …:" header over "không tìm thấy" — then
   * offers the next question. `unit` in `next` is null when the asker asked about their own unit.
   */
  none: {
    unitTasks: (unit: string, part: 'lead' | 'coordinate' | 'both') =>
      `${unit} ${part === 'lead' ? 'không chủ trì' : part === 'coordinate' ? 'không phối hợp' : 'không có'} nhiệm vụ nào trong các kế hoạch đang xem.`,
    deadlines: (unit: string, label: string) =>
      `${unit} không có nhiệm vụ nào chưa hoàn thành có hạn ${dueWithin(label)}.`,
    kpi: (unit: string) => `Các nhiệm vụ của ${unit} trong các kế hoạch đang xem không nêu chỉ tiêu cụ thể.`,
    next: (questions: string[]) => `Bạn có thể hỏi tiếp: ${questions.map((q) => `“${q}”`).join(' hoặc ')}`,
    ask: NEXT,
  },
  kpiNeedsUnit:
    'Bạn muốn xem chỉ tiêu của đơn vị nào? Hãy đăng ký đơn vị của mình (ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”) ' +
    'hoặc nêu tên chỉ tiêu, ví dụ: “tỷ lệ hồ sơ đúng hạn phải đạt bao nhiêu”.',
  topicMissing:
    'Bạn muốn tìm nhiệm vụ về chủ đề nào? Ví dụ: “nhiệm vụ về chuyển đổi số”, “việc liên quan PAKN”.',
  topicNotFound: (topic: string) =>
    `Không tìm thấy nhiệm vụ nào về “${topic}”. Hãy thử từ khác, ví dụ: “tuyển dụng”, “công khai TTHC”.`,
  yearFallback: (year: number) => `(Chưa có kế hoạch năm nay; dùng kế hoạch năm ${year}.)`,
  /** A named body's tasks from the latest year that has any (this year's plan names it only in a catch-all). */
  yearLatestFor: (year: number, unit: string) =>
    `(Theo kế hoạch năm ${year} — năm gần nhất có nhiệm vụ của ${unit.replace(/^Các /, 'các ')}.)`,
  more: (left: number) => `… còn ${formatNumber(left)} nhiệm vụ. Gõ “xem tiếp” để xem thêm.`,
  noMorePages: 'Không còn gì để xem tiếp. Bạn muốn hỏi gì nữa?',
  choiceExpired: 'Lựa chọn trước đã hết hạn hoặc không có số đó. Bạn hãy hỏi lại nhé.',
  admin: {
    onlyAdmins: 'Việc duyệt đăng ký và phân quyền chỉ dành cho quản trị viên và trưởng đơn vị.',
    nonePending: 'Không có ai đang chờ duyệt trong phạm vi của bạn.',
    pending: 'Đang chờ duyệt (trả lời “duyệt <số>” để duyệt):',
    noSuchUser: (id: number) => `Không có người dùng số ${id}.`,
    whichRole: 'Vai trò nào? Ví dụ: “đặt 12 làm trưởng phòng” hoặc “đặt 12 làm quản trị”.',
    approved: (id: number) => `Đã duyệt người dùng số ${id}.`,
    roleSet: (id: number, role: Role) => `Người dùng số ${id} đã được duyệt với vai trò ${ROLE_NAMES[role]}.`,
    revoked: (id: number) =>
      `Đã thu hồi quyền của người dùng số ${id}: người này vẫn tra cứu được nhưng cần được duyệt lại để báo cáo.`,
  },
  // Why an action is refused (src/reply/rights-messages.ts).
  ...RIGHTS_MESSAGES,
  openWork: (n: number, unit: string | null) =>
    `(Ngoài ra ${formatNumber(n)} nhiệm vụ thường xuyên hoặc theo điều kiện đang mở — không tính là quá hạn; hỏi “${unit ?? 'phòng tôi'} phụ trách gì” để xem.)`,
  // The period report's file and "xuất báo cáo" in chat (src/reply/export-messages.ts).
  ...EXPORT_MESSAGES,
  // The web console: its sign-in link in chat and the pages of a refused sign-in (src/reply/console-messages.ts).
  ...CONSOLE_MESSAGES,
  /** How the whole organisation is named in a question to ask next. */
  wholeOrganisation: 'toàn sở',
  noPlansForYear: (year: number, years: number[]) =>
    years.length > 0
      ? `Không có kế hoạch năm ${year} trong các kế hoạch bạn xem được (có kế hoạch các năm ${years.join(', ')}).`
      : `Không có kế hoạch năm ${year} trong các kế hoạch bạn xem được.`,
  subscription: {
    scheduled: (where: string, day: string, time: string) =>
      `Bản tin tuần của ${where} sẽ gửi vào ${day} lúc ${time}.`,
    whichTime: 'Bạn muốn nhận bản tin vào ngày nào, mấy giờ? Ví dụ: “bản tin vào thứ sáu 16:00”.',
    thisGroup: 'nhóm này',
    you: 'bạn',
    whichUnit: 'Bản tin của đơn vị nào? Ví dụ: “đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ”.',
    started: (where: string, unit: string, count: number) =>
      `Đã đăng ký: ${where} sẽ nhận bản tin tuần của ${unit} vào 08:00 thứ Hai.` +
      (count > 1
        ? ` (${where.charAt(0).toUpperCase()}${where.slice(1)} đang nhận ${formatNumber(count)} bản tin.)`
        : '') +
      ' Gõ “hủy bản tin” để ngừng.',
    stopped: (where: string) => `Đã hủy bản tin tuần cho ${where}.`,
    noneToStop: (where: string) =>
      `${where.charAt(0).toUpperCase()}${where.slice(1)} chưa đăng ký bản tin nào.`,
  },
  report: {
    needTask: 'Bạn báo cáo cho nhiệm vụ nào? Ví dụ: “báo cáo nhiệm vụ I.5 đạt 60%”.',
    needWhat:
      'Bạn muốn báo cáo gì? Ví dụ: “nhiệm vụ I.5 đã hoàn thành”, “I.5 đạt 60%”, “III.7 tỷ lệ thực tế 99,5%”.',
    overHundred: 'Tỷ lệ hoàn thành phải từ 0% đến 100%. Chưa ghi nhận báo cáo nào; bạn gửi lại giúp nhé.',
    notRegistered:
      'Để báo cáo tiến độ, bạn cần đăng ký đơn vị trước, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”.',
    notApproved: 'Tài khoản của bạn chưa được quản trị viên duyệt nên chưa báo cáo được. Chưa ghi nhận gì.',
    notResponsible: (unit: string) =>
      `${unit} không chủ trì hay phối hợp nhiệm vụ này nên không báo cáo được. Chưa ghi nhận gì.`,
    nothingWritten: 'Chưa ghi nhận gì.',
    saved: (label: string, summary: string) => `Đã ghi nhận báo cáo cho ${label}: ${summary}.`,
    savedOnBehalf: (unit: string, label: string, summary: string) =>
      `Đã ghi nhận báo cáo thay ${unit} cho ${label}: ${summary}.`,
    onBehalfWhichUnit:
      'Bạn báo cáo thay đơn vị nào? Tôi không nhận ra tên đơn vị sau “báo cáo thay”. Ví dụ: “báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đạt 80%”. Chưa ghi nhận gì.',
    onBehalfAmbiguous: (places: string[]) =>
      `Tên đơn vị này có ở nhiều nơi: ${places.join('; ')}. Hãy ghi kèm tên cơ quan, ví dụ: “báo cáo thay Văn phòng Sở, Sở Xây dựng: nhiệm vụ …”. Chưa ghi nhận gì.`,
    onBehalfDidYouMean: (place: string) =>
      `Có phải bạn muốn báo cáo thay ${place}? Hãy gõ lại đúng tên đơn vị để tôi ghi nhận. Chưa ghi nhận gì.`,
    /** Shown beside a task's latest progress when an admin reported it for the unit. */
    onBehalfNote: (by: string) => `(báo cáo thay, bởi ${by})`,
    reporter: (id: number) => `người dùng số ${id}`,
    /** Follows every confirmation: how to take the report back. */
    undoHint: 'Nếu ghi nhầm, gõ “hủy báo cáo vừa rồi” trong vòng 30 phút.',
    byWordsNeedMore:
      'Bạn báo cáo cho nhiệm vụ nào? Hãy ghi số mục hoặc vài từ trong tên nhiệm vụ, ví dụ: “bên em đã xong việc tuyển dụng công chức”, “báo cáo nhiệm vụ I.5 đạt 60%”. Chưa ghi nhận gì.',
    byWordsNotFound: (unit: string, words: string) =>
      `Trong các nhiệm vụ ${unit} chủ trì hoặc phối hợp, tôi không thấy nhiệm vụ nào khớp với “${words}”. Hãy ghi số mục, ví dụ: “báo cáo nhiệm vụ I.5 đã hoàn thành”. Chưa ghi nhận gì.`,
    byWordsNotResponsible: (unit: string, words: string) =>
      `Các nhiệm vụ khớp với “${words}” không do ${unit} chủ trì hay phối hợp nên không báo cáo được. Chưa ghi nhận gì.`,
    byWordsChoice: (words: string) =>
      `Có nhiều nhiệm vụ khớp với “${words}”. Bạn báo cáo cho nhiệm vụ nào? Trả lời bằng số:`,
    byWordsConfirm: (words: string) =>
      `Nhiệm vụ gần nhất với “${words}” là nhiệm vụ dưới đây. Nếu đúng, trả lời “1” để ghi nhận; nếu không, hãy ghi số mục:`,
    byWordsTooMany: (n: number, words: string) =>
      `Có ${n} nhiệm vụ khớp với “${words}”. Hãy ghi rõ hơn hoặc ghi số mục, ví dụ: “báo cáo nhiệm vụ I.5 đạt 60%”. Chưa ghi nhận gì.`,
    /** The task a report named by its words, so the reporter sees what was understood. */
    matchedTask: (label: string, content: string) => `${label} (“${content}”)`,
    undone: (unit: string, label: string) =>
      `Đã hủy báo cáo của ${unit} cho ${label}. Báo cáo vẫn được lưu trong lịch sử, đánh dấu đã hủy, và không còn được tính.`,
    undoNothing: 'Bạn chưa có báo cáo nào để hủy.',
    undoTooLate: (label: string, time: string) =>
      `Báo cáo gần nhất của bạn (${label}, lúc ${time}) đã gửi quá 30 phút nên không hủy được nữa. Nếu cần sửa, hãy gửi báo cáo mới cho nhiệm vụ này: báo cáo mới nhất sẽ được tính.`,
  },
  headers: {
    myTasks: (unit: string, n: number) => `${unit} có ${formatNumber(n)} nhiệm vụ:`,
    myLead: (unit: string, n: number) => `${unit} chủ trì ${formatNumber(n)} nhiệm vụ:`,
    myCoordinate: (unit: string, n: number) => `${unit} phối hợp ${formatNumber(n)} nhiệm vụ:`,
    who: (n: number) => (n === 1 ? 'Nhiệm vụ phù hợp:' : `${formatNumber(n)} nhiệm vụ phù hợp:`),
    topic: (topic: string, n: number) => `${formatNumber(n)} nhiệm vụ về “${topic}”:`,
    deadlines: (label: string, n: number) => `${formatNumber(n)} nhiệm vụ có hạn ${dueWithin(label)}:`,
    kpi: (n: number) => `${formatNumber(n)} nhiệm vụ có chỉ tiêu:`,
    overdue: (unit: string, n: number, today: string) =>
      n === 0
        ? `${unit} không có nhiệm vụ quá hạn (tính đến ${today}).`
        : `${unit} có ${formatNumber(n)} nhiệm vụ quá hạn (tính đến ${today}):`,
    overdueOrg: (org: string, n: number, today: string) =>
      n === 0
        ? `${org} không có nhiệm vụ quá hạn (tính đến ${today}).`
        : `${org} có ${formatNumber(n)} nhiệm vụ quá hạn (tính đến ${today}):`,
    digest: (unit: string, today: string) => `Tóm tắt tuần của ${unit} (đến ${today}):`,
  },
  labels: {
    lead: 'chủ trì',
    coordinate: 'phối hợp',
    via: (collective: string) => `qua “${collective}”`,
    condition: (c: string) => `điều kiện: ${c}`,
    due: 'Hạn',
    noDue: 'không ghi',
    product: 'Sản phẩm',
    kpi: 'Chỉ tiêu',
    leadUnits: 'Chủ trì',
    coordinateUnits: 'Phối hợp',
    /** A task that names no unit for a part ("Phối hợp: không ghi"). */
    noUnits: 'không ghi',
    status: { not_started: 'chưa bắt đầu', in_progress: 'đang thực hiện', done: 'đã hoàn thành' },
    daysLate: (n: number) => `trễ ${formatNumber(n)} ngày`,
    /** A reported completion rate ("50,5%"). */
    percent: (n: number) => formatPercent(n),
    /** A reported actual value of a KPI, always a rate in the plans ("thực tế 99,5%"). */
    actual: (n: number) => `thực tế ${formatPercent(n)}`,
  },
} as const;
