/**
 * Every Vietnamese text of the Teams app package, in one module: what Teams shows about the app (names,
 * descriptions, command hints) and what `cli teams-package` says when it cannot make the package.
 * The command hints are phrases the bot understands as they are (test/cli/teams-package.test.ts asks them).
 */

export interface CommandHint {
  /** Put into the compose box when chosen (≤ 32 characters). */
  title: string;
  /** Shown beside it (≤ 128 characters). */
  description: string;
}

const HELP: CommandHint = { title: 'hướng dẫn', description: 'Xem bot giúp được gì và các cách hỏi.' };
const MY_TASKS: CommandHint = {
  title: 'nhiệm vụ của tôi',
  description: 'Các nhiệm vụ đơn vị của bạn chủ trì hoặc phối hợp.',
};
const OVERDUE: CommandHint = {
  title: 'việc nào quá hạn',
  description: 'Nhiệm vụ đã quá hạn mà chưa hoàn thành.',
};
const DUE_SOON: CommandHint = {
  title: 'việc nào sắp đến hạn',
  description: 'Nhiệm vụ có hạn trong 14 ngày tới.',
};
const DETAIL: CommandHint = {
  title: 'chi tiết nhiệm vụ III.8',
  description: 'Xem đầy đủ một nhiệm vụ theo số mục trong kế hoạch (thay III.8 bằng số mục cần xem).',
};

export const APP_TEXT = {
  defaultShortName: 'Trợ lý nhiệm vụ',
  defaultFullName: 'Trợ lý nhiệm vụ — tra cứu, nhắc hạn và báo cáo nhiệm vụ theo kế hoạch',
  defaultDeveloperName: 'nhiemvu',
  shortDescription: 'Tra cứu nhiệm vụ, thời hạn và việc quá hạn theo kế hoạch của đơn vị.',
  fullDescription: [
    'Trợ lý nhiệm vụ cho biết cán bộ, công chức của từng cơ quan, đơn vị phải làm gì theo các kế hoạch ' +
      'đã ban hành (kế hoạch cải cách hành chính, chuyển đổi số…).',
    'Bạn có thể hỏi bằng tiếng Việt thông thường, có dấu hoặc không dấu: đơn vị mình chủ trì, phối hợp ' +
      'những nhiệm vụ nào; ai chủ trì một việc; việc nào quá hạn, sắp đến hạn, phải xong trong quý này; chỉ tiêu ' +
      'của đơn vị; chi tiết một nhiệm vụ theo số mục (ví dụ “chi tiết nhiệm vụ III.8”).',
    'Cán bộ báo cáo tiến độ ngay trong cuộc trò chuyện (“báo cáo nhiệm vụ I.5 đạt 60%”); trưởng đơn vị và ' +
      'quản trị viên xuất báo cáo kết quả thực hiện kế hoạch ra Excel hoặc Word.',
    'Trong nhóm chat hoặc kênh, hãy nhắc tên bot (@) khi hỏi. Nhóm có thể đăng ký bản tin tuần của đơn vị; ' +
      'bot nhắc trước hạn các nhiệm vụ sắp đến hạn.',
    'Gõ “hướng dẫn” để xem đầy đủ các cách hỏi.',
  ].join('\n\n'),
  /** One list per kind of conversation: Teams shows the list of the scope the person is in. */
  personalCommands: [
    HELP,
    MY_TASKS,
    OVERDUE,
    DUE_SOON,
    DETAIL,
    {
      title: 'ai chủ trì việc tuyển dụng',
      description:
        'Hỏi đơn vị chủ trì, phối hợp một việc theo chủ đề (thay “tuyển dụng” bằng chủ đề cần hỏi).',
    },
    {
      title: 'báo cáo nhiệm vụ I.5 đạt 60%',
      description: 'Báo cáo tiến độ một nhiệm vụ của đơn vị bạn (số mục và kết quả của nhiệm vụ đó).',
    },
    {
      title: 'xuất báo cáo quý này',
      description: 'Trưởng đơn vị, quản trị viên: tải báo cáo kết quả thực hiện kế hoạch (Excel).',
    },
  ],
  groupCommands: [
    HELP,
    OVERDUE,
    DUE_SOON,
    MY_TASKS,
    DETAIL,
    {
      title: 'đăng ký bản tin tuần',
      description:
        'Nhóm này nhận bản tin tuần (08:00 thứ Hai) về nhiệm vụ của đơn vị bạn; thêm tên đơn vị để chọn đơn vị khác.',
    },
    { title: 'hủy bản tin', description: 'Ngừng gửi bản tin tuần vào nhóm này.' },
  ],
} as const;

/** Where a value of the manifest came from, for the person who has to change it. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  '/name/short': 'Tên ứng dụng (--name, name.short)',
  '/name/full': 'Tên đầy đủ (--full-name, name.full)',
  '/developer/name': 'Tên đơn vị phát triển (--developer, developer.name)',
  '/developer/websiteUrl': 'Trang giới thiệu (--website-url, developer.websiteUrl)',
  '/developer/privacyUrl': 'Trang chính sách quyền riêng tư (--privacy-url, developer.privacyUrl)',
  '/developer/termsOfUseUrl': 'Trang điều khoản sử dụng (--terms-url, developer.termsOfUseUrl)',
  '/version': 'Phiên bản ứng dụng (--app-version, version)',
};

export const PACKAGE_ERRORS = {
  noAppId:
    'Thiếu mã ứng dụng của bot: dùng --app-id <GUID> hoặc đặt biến MicrosoftAppId ' +
    '(Microsoft App ID của Azure Bot). Chưa ghi tệp nào.',
  badAppId: (value: string, from: string) =>
    `Mã ứng dụng “${value}” (${from}) không phải GUID dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: ` +
    'Teams chỉ nhận Microsoft App ID của Azure Bot. Chưa ghi tệp nào.',
  emptyField: (label: string) => `${label} không được để trống. Chưa ghi tệp nào.`,
  tooLong: (label: string, length: number, limit: number) =>
    `${label} dài ${length} ký tự, Teams cho tối đa ${limit} ký tự.`,
  notHttps: (label: string, value: string) =>
    `${label} phải là địa chỉ https:// (Teams yêu cầu), không phải “${value}”. Chưa ghi tệp nào.`,
  noUrls:
    'Teams cần địa chỉ https của trang giới thiệu, chính sách quyền riêng tư và điều khoản sử dụng ' +
    '(developer.websiteUrl, privacyUrl, termsOfUseUrl): đặt biến PUBLIC_BASE_URL=https://… (địa chỉ công khai ' +
    'của máy chủ bot) hoặc dùng --website-url, --privacy-url và --terms-url. Chưa ghi tệp nào.',
  badVersion: (value: string) =>
    `Phiên bản ứng dụng “${value}” (--app-version) phải có dạng số.số.số, ví dụ 1.0.3. Chưa ghi tệp nào.`,
  invalidManifest: (issues: string) =>
    `manifest.json không hợp lệ theo lược đồ Teams v1.19: ${issues}. Chưa ghi tệp nào.`,
  nothingWritten: 'Chưa ghi tệp nào.',
  schemaIssue: (path: string, message: string) => `${path || '(gốc)'}: ${message}`,
  noFolder: (folder: string) => `Không có thư mục “${folder}” để ghi gói ứng dụng. Chưa ghi tệp nào.`,
  outIsFolder: (out: string) =>
    `“${out}” là một thư mục; --out cần tên tệp, ví dụ ${out.replace(/\/+$/, '')}/nhiemvu-teams.zip.`,
} as const;

/** `cli teams-package` done: where, what, and where to upload it. */
export const PACKAGE_DONE = (
  out: string,
  name: string,
  appId: string,
  version: string,
  manifestVersion: string,
  files: readonly string[],
) =>
  `Đã ghi gói ứng dụng Teams vào ${out}: “${name}”, mã ứng dụng (bot) ${appId}, ` +
  `phiên bản ${version}, manifest v${manifestVersion}.\n` +
  `Gồm ${files.join(', ')}. Tải lên tại Trung tâm quản trị Teams → Ứng dụng Teams → ` +
  'Quản lý ứng dụng → Tải lên ứng dụng mới (hoặc Developer Portal → Apps → Import app).';
