type Role = 'staff' | 'lead' | 'admin';
const ROLE_NAMES: Record<Role, string> = { staff: 'cán bộ', lead: 'trưởng đơn vị', admin: 'quản trị viên' };

/**
 * Every sentence the bot says, in one module. Vietnamese, with diacritics, short enough for a phone screen.
 * Functions take plain values; nothing here knows about the database or a chat platform.
 */
export const MESSAGES = {
  empty: 'Tin nhắn trống. Bạn có thể hỏi, ví dụ: “phòng tôi phụ trách gì?” hoặc gõ “hướng dẫn”.',
  truncated: '(Tin nhắn dài quá 2.000 ký tự nên chỉ đọc phần đầu.)',
  unknown: [
    'Xin lỗi, tôi chưa hiểu câu hỏi. Bạn có thể hỏi, ví dụ:',
    '• “Phòng tôi phụ trách những nhiệm vụ gì?”',
    '• “Ai chủ trì việc tuyển dụng công chức?”',
    '• “Việc nào quá hạn?” hoặc “Việc nào phải xong trong quý này?”',
    '• “Chi tiết nhiệm vụ III.8”',
    '• “Báo cáo nhiệm vụ I.5 đã hoàn thành”',
    'Gõ “hướng dẫn” để xem đầy đủ.',
  ].join('\n'),
  help: [
    'Tôi là Trợ lý nhiệm vụ: tra cứu kế hoạch cải cách hành chính và ghi nhận tiến độ. Bạn có thể hỏi:',
    '• Nhiệm vụ của mình: “phòng tôi phụ trách gì”, “phòng tôi chủ trì việc gì”',
    '• Của đơn vị khác: “Sở Tư pháp chủ trì gì năm 2024”',
    '• Ai làm: “ai chủ trì việc công khai TTHC”',
    '• Theo chủ đề: “nhiệm vụ về chuyển đổi số”',
    '• Thời hạn: “việc nào phải xong trong quý này”, “sắp đến hạn”',
    '• Chỉ tiêu: “chỉ tiêu của phòng tôi”',
    '• Quá hạn: “việc nào quá hạn”',
    '• Chi tiết: “chi tiết nhiệm vụ III.8”',
    '• Báo cáo: “báo cáo nhiệm vụ I.5 đạt 60%”, “III.7 tỷ lệ thực tế 99,5%”',
    '• Đăng ký: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”',
    '• Quản trị viên, trưởng đơn vị: “duyệt”, “duyệt 12”, “đặt 12 làm trưởng phòng”, “thu hồi 12”; ' +
      'quản trị viên báo cáo thay: “báo cáo thay Phòng … : nhiệm vụ I.5 đạt 60%”',
  ].join('\n'),
  greeting: 'Xin chào! Tôi là Trợ lý nhiệm vụ. Gõ “hướng dẫn” để xem tôi giúp được gì.',
  thanks: 'Không có gì ạ. Cần tra cứu thêm cứ nhắn cho tôi.',
  digest: {
    title: (label: string, date: string) => `Bản tin tuần — ${label}, ngày ${date}`,
    sections: {
      overdue: 'Quá hạn',
      dueSoon: 'Đến hạn trong 14 ngày tới',
      silent: 'Chưa có báo cáo tiến độ 30 ngày qua',
      reported: 'Báo cáo tiến độ trong tuần',
      kpiShort: 'Chỉ tiêu chưa đạt',
    },
    late: (days: number) => `trễ ${days} ngày`,
    kpiActual: (actual: number, unit: string, target: string) =>
      `thực tế ${String(actual).replace('.', ',')}${unit} — chỉ tiêu: ${target}`,
    someone: 'Cán bộ',
    more: (n: number) => `… và ${n} việc khác`,
    total: (n: number) => `Tổng số nhiệm vụ phụ trách: ${n}.`,
    nothing: 'Không có việc quá hạn hay sắp đến hạn. Cảm ơn các đồng chí!',
    plans: (labels: string) => `Theo: ${labels}.`,
  },
  chase: {
    title: (date: string) => `Danh sách cần đôn đốc, ngày ${date}`,
    counts: (overdue: number, soon: number, silent: number) =>
      `quá hạn ${overdue} · đến hạn 14 ngày tới ${soon} · chưa báo cáo 30 ngày ${silent}`,
    quiet: (n: number) => `${n} đơn vị khác không có việc cần đôn đốc.`,
    moreUnits: (n: number) => `… và ${n} đơn vị khác: hỏi “nhắc việc <tên đơn vị>” để xem từng đơn vị.`,
    howToPing: 'Nhắc cán bộ của một đơn vị: “nhắc Phòng … nhiệm vụ III.7”.',
    leadsOnly: 'Danh sách đôn đốc và lệnh nhắc việc dành cho lãnh đạo và quản trị viên.',
    whichUnit: 'Bạn muốn nhắc đơn vị nào? Ví dụ: “nhắc Phòng Công chức, viên chức nhiệm vụ III.7”.',
    whichTask: 'Bạn muốn nhắc nhiệm vụ nào? Ví dụ: “nhắc Phòng Công chức, viên chức nhiệm vụ III.7”.',
    pingText: (from: string | null, citation: string, content: string, stt: string) =>
      [
        `📌 ${from ? `${from} nhắc` : 'Lãnh đạo nhắc'} đơn vị về nhiệm vụ: ${citation}`,
        content,
        `Cập nhật tiến độ: “báo cáo nhiệm vụ ${stt} đạt …%” hoặc “… đã hoàn thành”.`,
      ].join('\n'),
    pinged: (n: number, unit: string, citation: string) =>
      `Đã gửi nhắc việc tới ${n} cán bộ của ${unit} về ${citation}.`,
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
  cardCut: (left: number) => `… và ${left} nhiệm vụ nữa không hiện được trong thẻ này.`,
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
  firstContact:
    'Chào bạn, lần đầu trò chuyện! Để tôi trả lời về nhiệm vụ của đơn vị bạn, hãy đăng ký, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”.',
  needRegistration:
    'Tôi chưa biết bạn thuộc đơn vị nào. Hãy đăng ký, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”. ' +
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
    `Có ${n} đơn vị mang tên này ở các cơ quan khác nhau. Hãy ghi thêm tên cơ quan, ví dụ: “Văn phòng Sở, Sở Xây dựng”.`,
  taskAmbiguous: 'Có nhiều nhiệm vụ mang số này. Bạn muốn xem nhiệm vụ nào? Trả lời bằng số:',
  tooManyTasks: (n: number) =>
    `Có ${n} nhiệm vụ mang số này trong các kế hoạch. Hãy nói rõ kế hoạch, ví dụ: “kế hoạch 126 mục I.1”, ` +
    'hoặc đăng ký đơn vị của mình để tôi tìm trong kế hoạch của đơn vị.',
  taskNotFound: (ref: string) =>
    `Không có nhiệm vụ ${ref} trong các kế hoạch đang xem. Hãy kiểm tra lại số mục, ví dụ: “chi tiết nhiệm vụ III.8”.`,
  noTasks: 'Không tìm thấy nhiệm vụ nào phù hợp.',
  kpiNeedsUnit:
    'Bạn muốn xem chỉ tiêu của đơn vị nào? Hãy đăng ký đơn vị của mình (ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”) ' +
    'hoặc nêu tên chỉ tiêu, ví dụ: “tỷ lệ hồ sơ đúng hạn phải đạt bao nhiêu”.',
  topicMissing:
    'Bạn muốn tìm nhiệm vụ về chủ đề nào? Ví dụ: “nhiệm vụ về chuyển đổi số”, “việc liên quan PAKN”.',
  topicNotFound: (topic: string) =>
    `Không tìm thấy nhiệm vụ nào về “${topic}”. Hãy thử từ khác, ví dụ: “tuyển dụng”, “công khai TTHC”.`,
  yearFallback: (year: number) => `(Chưa có kế hoạch năm nay; dùng kế hoạch năm ${year}.)`,
  more: (left: number) => `… còn ${left} nhiệm vụ. Gõ “xem tiếp” để xem thêm.`,
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
  /** Why an action is refused (src/core/rights.ts): each names the boundary and says nothing was done. */
  rights: {
    notRegistered:
      'Quyền của bạn tính theo đơn vị đã đăng ký, mà bạn chưa đăng ký đơn vị nào. Hãy đăng ký trước, ví dụ: “tôi thuộc Phòng Công chức, viên chức, Sở Nội vụ”.',
    notApproved: 'Tài khoản của bạn chưa được duyệt nên chưa làm được việc này.',
    viewLeadsOnly: 'Chỉ lãnh đạo và quản trị viên xem được đơn vị này.',
    outside: (verb: string, realm: string, subject: string) =>
      `Bạn chỉ được ${verb} trong phạm vi ${realm}; ${subject} nằm ngoài phạm vi này.`,
    realm: (name: string, whole: boolean) => (whole ? `${name} và các đơn vị trực thuộc` : name),
    userSubject: (id: number, place: string) => `người dùng số ${id} (${place})`,
    verbs: {
      list_pending: 'xem danh sách chờ duyệt',
      approve: 'duyệt người dùng',
      set_role: 'phân quyền',
      revoke: 'thu hồi quyền',
      report: 'báo cáo tiến độ',
      remind_unit: 'nhắc việc',
      view_unit: 'xem đơn vị',
    },
    grantAbove: (own: Role, wanted: Role) =>
      `Bạn là ${ROLE_NAMES[own]} nên không cấp được vai trò ${ROLE_NAMES[wanted]}: không ai cấp vai trò cao hơn vai trò của mình.`,
    targetAbove: (id: number, theirs: Role, own: Role) =>
      `Người dùng số ${id} có vai trò ${ROLE_NAMES[theirs]}, cao hơn vai trò ${ROLE_NAMES[own]} của bạn.`,
    targetUnregistered: (id: number) =>
      `Người dùng số ${id} chưa đăng ký đơn vị, nên chưa xác định được ai có quyền duyệt. Hãy nhờ người đó đăng ký trước.`,
    collective: (name: string) =>
      `“${name}” là tên gọi chung của nhiều đơn vị; hãy báo cáo cho từng đơn vị cụ thể.`,
    onBehalfHint: (task: string) =>
      `Nếu bạn báo cáo thay đơn vị phụ trách, hãy ghi tên đơn vị, ví dụ: “báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ ${task} đạt 80%”.`,
    nothingChanged: 'Chưa thay đổi gì.',
  },
  openWork: (n: number) =>
    `(Ngoài ra ${n} nhiệm vụ thường xuyên hoặc theo điều kiện đang mở — không tính là quá hạn; hỏi “phòng tôi phụ trách gì” để xem.)`,
  subscription: {
    scheduled: (where: string, day: string, time: string) =>
      `Bản tin tuần của ${where} sẽ gửi vào ${day} lúc ${time}.`,
    whichTime: 'Bạn muốn nhận bản tin vào ngày nào, mấy giờ? Ví dụ: “bản tin vào thứ sáu 16:00”.',
    thisGroup: 'nhóm này',
    you: 'bạn',
    whichUnit: 'Bản tin của đơn vị nào? Ví dụ: “đăng ký bản tin tuần Phòng Công chức, viên chức, Sở Nội vụ”.',
    started: (where: string, unit: string, count: number) =>
      `Đã đăng ký: ${where} sẽ nhận bản tin tuần của ${unit} vào 08:00 thứ Hai.` +
      (count > 1 ? ` (${where.charAt(0).toUpperCase()}${where.slice(1)} đang nhận ${count} bản tin.)` : '') +
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
  },
  headers: {
    myTasks: (unit: string, n: number) => `${unit} có ${n} nhiệm vụ:`,
    myLead: (unit: string, n: number) => `${unit} chủ trì ${n} nhiệm vụ:`,
    myCoordinate: (unit: string, n: number) => `${unit} phối hợp ${n} nhiệm vụ:`,
    who: (n: number) => (n === 1 ? 'Nhiệm vụ phù hợp:' : `${n} nhiệm vụ phù hợp:`),
    topic: (topic: string, n: number) => `${n} nhiệm vụ về “${topic}”:`,
    deadlines: (label: string, n: number) => `${n} nhiệm vụ có hạn trong ${label}:`,
    kpi: (n: number) => `${n} nhiệm vụ có chỉ tiêu:`,
    overdue: (unit: string, n: number, today: string) =>
      n === 0
        ? `${unit} không có nhiệm vụ quá hạn (tính đến ${today}).`
        : `${unit} có ${n} nhiệm vụ quá hạn (tính đến ${today}):`,
    overdueOrg: (org: string, n: number, today: string) =>
      n === 0
        ? `${org} không có nhiệm vụ quá hạn (tính đến ${today}).`
        : `${org} có ${n} nhiệm vụ quá hạn (tính đến ${today}):`,
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
    status: { not_started: 'chưa bắt đầu', in_progress: 'đang thực hiện', done: 'đã hoàn thành' },
    daysLate: (n: number) => `trễ ${n} ngày`,
  },
} as const;
