import { doc, link } from './doc.ts';

/**
 * The web console's sign-in: what the bot answers to "đăng nhập trang quản trị", and the pages someone sees
 * without a session or a right — part of MESSAGES (src/reply/messages.ts), kept in a file of its own so each stays
 * short. The pages' own texts (tables, forms) belong to the page modules in adapters/console/pages/.
 */
const ASK_THE_BOT =
  'Để đăng nhập, hãy nhắn riêng cho Trợ lý nhiệm vụ (trên Zalo hoặc Teams): “đăng nhập trang quản trị”. Trợ lý sẽ gửi lại một liên kết dùng một lần, có hiệu lực 15 phút.';

/** A page: its title and its paragraphs (adapters/console/layout.ts `messagePage`). */
interface PageText {
  title: string;
  lines: readonly string[];
  /** The label of the page's one button, when it has a form. */
  button?: string;
}

export const CONSOLE_MESSAGES = {
  consoleLogin: {
    /** The link, in a private chat only. */
    link: (url: string) =>
      doc(
        'Liên kết đăng nhập trang quản trị của bạn:',
        link(url),
        'Liên kết có hiệu lực 15 phút, dùng một lần. Đừng chuyển liên kết này cho ai: người mở nó sẽ đăng nhập với quyền của bạn.',
      ),
    groupChat:
      'Liên kết đăng nhập trang quản trị chỉ được gửi trong tin nhắn riêng, không gửi vào nhóm. Bạn hãy nhắn riêng cho Trợ lý nhiệm vụ: “đăng nhập trang quản trị”.',
    leadsOnly:
      'Trang quản trị chỉ dành cho trưởng đơn vị và quản trị viên (đã đăng ký và được duyệt): trưởng đơn vị xem đơn vị mình, quản trị viên quản lý cả cơ quan. Nếu cần xem, bạn hãy nhờ trưởng đơn vị.',
    notApproved:
      'Tài khoản của bạn chưa được duyệt nên chưa mở được trang quản trị. Hãy nhờ quản trị viên của cơ quan duyệt trước.',
    importAdminsOnly: 'Chỉ quản trị viên mới nhập được kế hoạch.',
    nothingImported: 'Chưa nhập gì.',
    /** "đăng xuất mọi nơi" typed in chat. */
    signedOutEverywhere: (sessions: number) =>
      sessions > 0
        ? `Đã đăng xuất trang quản trị ở mọi nơi (${sessions} phiên đăng nhập đã kết thúc). Các liên kết đăng nhập chưa dùng cũng đã bị hủy.`
        : 'Đã đăng xuất trang quản trị ở mọi nơi: bạn không có phiên đăng nhập nào đang mở. Các liên kết đăng nhập chưa dùng (nếu có) cũng đã bị hủy.',
  },
  /** The console's home until the dashboard page is there. */
  consoleHome: (scope: string, readOnly: boolean) =>
    `Bạn đang xem ${scope}${readOnly ? ' (chỉ xem)' : ''}. Chọn một mục trên thanh điều hướng.`,
  /** `cli admin-link --user <id>`: the link itself goes to stdout, these to stderr. */
  consoleCli: {
    noSuchUser: (id: string) =>
      `Không có người dùng số ${id}. Xem mã người dùng (cột đầu) bằng: npm run --silent cli -- users list`,
  },
  /** Pages of /admin for someone without a session, a right or a valid form. */
  consolePages: {
    signIn: {
      title: 'Đăng nhập trang quản trị',
      lines: [
        'Trang quản trị không dùng mật khẩu.',
        ASK_THE_BOT,
        'Trang quản trị dành cho trưởng đơn vị và quản trị viên.',
      ],
    },
    /** GET of a live link: a button, so that a link preview fetched by a chat app does not spend the link. */
    confirm: {
      title: 'Đăng nhập trang quản trị',
      lines: [
        'Bấm nút dưới đây để vào trang quản trị. Liên kết này chỉ dùng được một lần; phiên đăng nhập kéo dài 8 giờ.',
      ],
      button: 'Vào trang quản trị',
    },
    notSignedIn: {
      title: 'Cần đăng nhập',
      lines: [
        'Bạn chưa đăng nhập, hoặc phiên đăng nhập đã hết hạn (mỗi phiên kéo dài 8 giờ) hay đã bị đăng xuất.',
        ASK_THE_BOT,
      ],
    },
    linkDead: {
      title: 'Liên kết đăng nhập không còn dùng được',
      lines: [
        'Liên kết này đã được dùng, đã quá 15 phút, hoặc bị chép thiếu. Mỗi liên kết chỉ dùng được một lần.',
        'Hãy nhắn lại cho Trợ lý nhiệm vụ “đăng nhập trang quản trị” để nhận liên kết mới.',
      ],
    },
    noRight: (reason: string): PageText => ({
      title: 'Không có quyền',
      lines: [reason, 'Nếu bạn cần vào trang quản trị, hãy nhờ quản trị viên của cơ quan.'],
    }),
    readOnly: {
      title: 'Chỉ được xem',
      lines: [
        'Bạn đăng nhập với vai trò trưởng đơn vị nên chỉ xem được kế hoạch và người dùng; việc thay đổi dành cho quản trị viên. Chưa thay đổi gì.',
      ],
    },
    badForm: {
      title: 'Biểu mẫu không hợp lệ',
      lines: [
        'Biểu mẫu này đã cũ hoặc không được gửi từ trang quản trị (thiếu mã bảo vệ). Chưa thay đổi gì.',
        'Hãy tải lại trang rồi làm lại.',
      ],
    },
    signedOut: {
      title: 'Đã đăng xuất mọi nơi',
      lines: [
        'Mọi phiên đăng nhập trang quản trị của bạn, trên mọi máy, đã kết thúc.',
        'Muốn vào lại, hãy nhắn cho Trợ lý nhiệm vụ “đăng nhập trang quản trị”.',
      ],
    },
    notFound: { title: 'Không tìm thấy trang', lines: ['Trang quản trị không có địa chỉ này.'] },
    refused: {
      title: 'Yêu cầu không hợp lệ',
      lines: [
        'Yêu cầu gửi lên không đọc được hoặc vượt giới hạn (tệp tối đa 20 MB, mỗi lần một tệp). Chưa thay đổi gì.',
      ],
    },
    failed: {
      title: 'Có lỗi',
      lines: [
        'Trang quản trị gặp lỗi khi xử lý yêu cầu này; lỗi đã được ghi lại cho người vận hành.',
        'Hãy tải lại trang để xem việc vừa làm đã được lưu hay chưa.',
      ],
    },
  } satisfies Record<string, PageText | ((reason: string) => PageText)>,
} as const;
