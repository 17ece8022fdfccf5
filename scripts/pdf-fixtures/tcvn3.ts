/**
 * Legacy TCVN3 (ABC) encoding: each Vietnamese letter is stored as a Latin-1 character and a ".VnTime" font
 * draws it as the accented letter. Without that font (as here) the text layer is the raw Latin-1 "garbage" old
 * documents give: "Sở Xây dựng" → "Së X©y dùng".
 */
const LOWER_PAIRS =
  'àµ á¸ ả¶ ã· ạ¹ ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ â© ầÇ ấÊ ẩÈ ẫÉ ậË đ® èÌ éÐ ẻÎ ẽÏ ẹÑ êª ềÒ ếÕ ểÓ ễÔ ệÖ ì× íÝ ỉØ ĩÜ ịÞ ' +
  'òß óã ỏá õâ ọä ô« ồå ốè ổæ ỗç ộé ơ¬ ờê ớí ởë ỡì ợî ùï úó ủñ ũò ụô ư\u00AD ừõ ứø ửö ữ÷ ựù ỳú ýý ỷû ỹü ỵþ';
/** Base capitals with their own code; other accented capitals use the lowercase code (.VnTimeH draws caps). */
const UPPER_PAIRS = 'Ă¡ Â¢ Ê£ Ô¤ Ơ¥ Ư¦ Đ§';

const TABLE = new Map<string, string>();
for (const pair of `${LOWER_PAIRS} ${UPPER_PAIRS}`.split(' ')) {
  const [from, to] = [...pair];
  if (from && to) TABLE.set(from, to);
}

export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = TABLE.get(ch);
    if (direct) {
      out += direct;
      continue;
    }
    const lower = ch.toLowerCase();
    // An accented capital ("Ở", "Ệ") has no code of its own: the lowercase code stands for it.
    out += lower !== ch && TABLE.has(lower) ? (TABLE.get(lower) ?? ch) : ch;
  }
  return out;
}
