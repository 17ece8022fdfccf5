import { words } from './vocabulary.ts';

/**
 * The words of the web console in chat. Patterns run on the folded message, like those of
 * src/intent/vocabulary.ts; classify checks them before any topic word ("quản trị") can claim the message.
 */
export const CONSOLE_VOCABULARY = {
  /** "đăng nhập trang quản trị", "link quản trị", "mở trang quản trị", "vào trang quản trị": a sign-in link. */
  consoleLogin: words(
    'dang nhap (?:vao )?(?:trang |web |he thong |giao dien )?quan tri',
    '(?:link|lien ket|duong dan|duong link) (?:de )?(?:dang nhap )?(?:vao )?(?:trang |web )?quan tri',
    '(?:mo|vao|truy cap) (?:trang|web|giao dien) quan tri',
  ),
  /** "đăng xuất mọi nơi", "đăng xuất trang quản trị": ends every console session of the person. */
  consoleLogout: words(
    'dang xuat (?:o |khoi )?(?:moi noi|tat ca)',
    'dang xuat (?:khoi )?(?:trang |web )?quan tri',
  ),
} as const;
