/**
 * Why an action is refused (src/core/rights.ts): each sentence names the boundary and says nothing was done —
 * part of MESSAGES (src/reply/messages.ts), kept in a file of its own so each stays short.
 */
export type Role = 'staff' | 'lead' | 'admin';
export const ROLE_NAMES: Record<Role, string> = {
  staff: 'cán bộ',
  lead: 'trưởng đơn vị',
  admin: 'quản trị viên',
};

export const RIGHTS_MESSAGES = {
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
      export_report: 'xuất báo cáo',
      open_console: 'mở trang quản trị',
      import_plan: 'nhập kế hoạch',
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
} as const;
