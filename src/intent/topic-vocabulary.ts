/**
 * The vocabulary of topics and groups: which words of a question name a topic, which only carry the question, and
 * the groups staff name as one. Folded (no diacritics, abbreviations expanded), as src/intent/vocabulary.ts.
 */

/**
 * Groups staff name as one ("UBND cấp huyện", "các sở, ngành"): matched as the collective of the plans that
 * covers them (src/core/unit-matcher.ts), by its coverage. Folded, abbreviations expanded.
 */
export const GROUP_NAMES: Record<string, string[]> = {
  agencies: ['cac so ban nganh', 'cac so nganh', 'cac so', 'so ban nganh', 'so nganh'],
  districts: ['uy ban nhan dan cap huyen', 'uy ban nhan dan cac huyen', 'cap huyen', 'cac huyen'],
  communes: ['uy ban nhan dan cap xa', 'uy ban nhan dan cac xa', 'cap xa', 'cac xa'],
};

/**
 * What carries no topic, removed before searching section titles and task content: whole phrases first (so
 * "công việc" goes but "công khai" stays), then single function words. Never a content word that a phrase
 * shares ("phòng" of "phòng chống", "số" of "chuyển đổi số", "tài" of "tài sản").
 */
export const TOPIC_STOP_PHRASES = (
  'nhiem vu|cong viec|phu trach|phai lam|chu tri|phoi hop|thuc hien|don vi|co quan|lien quan den|lien quan|' +
  'linh vuc|chu de|cho biet|danh sach|liet ke|muc tieu|chi tieu|thoi han|thoi gian|hoan thanh|bao nhieu|' +
  'phan tram|ty le|tra cuu|thong tin|noi dung|cu the|chi tiet|hien nay|hien tai|phong toi|phong minh|so toi|' +
  'phai dat|can dat|phan dau|nhung gi|nhu the nao|the nao|nam nay|duoc giao|dam nhan|dam nhiem|trach nhiem|' +
  'ke hoach|giai phap|co nhung|gom nhung|bao gom|la gi|lam gi|ai lam|ai lo|phai xong|den han|qua han|xem tiep|' +
  'chi nhung|chi co|chi can|chi xem|co chi tieu|co viec|co nhiem vu|co gi|co khong|co cac|co bao nhieu|' +
  'dinh luong|kpi|phu luc|' +
  // Words of the frame's other slots (src/intent/frame/): follow-ups, statuses, counting, the whole organisation.
  'the con|vay con|thi sao|thi the nao|ra sao|nua khong|chi viec|chi cac|chi lay|chi xem|thuong xuyen|' +
  'sap den han|sap het han|tre han|bao gio|khi nao|may viec|may nhiem vu|toan so|ca so|ca don vi|' +
  'chua bao cao|chua hoan thanh|da hoan thanh|da xong|chua xong|chi tieu phan tram|' +
  'nhiem vu do|viec do|viec nay|nhiem vu nay|cai do|tinh den|hien gio|con lai|dang lam'
)
  .split('|')
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/** Content words that a stop word would otherwise eat ("tham nhũng" folds to "tham nhung"; "những" too). */
export const TOPIC_KEEP_PHRASES = [
  'tham nhung',
  'the che',
  'do thi',
  'co che',
  'co so',
  'co quan hanh chinh',
  'han che',
  'cong bo',
]
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/** Words after which a topic follows ("việc công bố chỉ số CCHC", "về tuyển dụng", "lĩnh vực đất đai"). */
export const TOPIC_CUES = [
  'lien quan den',
  'lien quan',
  'linh vuc',
  'chu de',
  'cong viec',
  'nhiem vu',
  've',
  'mang',
  'viec',
  'nv',
]
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/** Words that end a cued topic: the question goes on ("… của phòng tôi hạn khi nào"). */
export const TOPIC_ENDS = new Set(
  // "nhiệm vụ đó / này / ấy" points at a task shown before: no topic follows.
  'co han nao gi khi bao phai chu phoi thuoc cua qua sap den thi la ai duoc da dang se ma nhu do nay ay kia'.split(
    ' ',
  ),
);

export const TOPIC_STOPWORDS = new Set(
  (
    'ai la gi nao cac nhung cua ve va voi cho de trong tren duoi nay kia ma khong chua da dang se ' +
    'viec toi minh chung em ban ben bo hoi xem giup nam can muon biet tim sao vay a oi nhe thoi gom ' +
    'bot anh lam phai duoc nhu o mot tat ca con thoi nua sao han tre cham hay co nhi ds gio bi roi het sap chot ' +
    'cuoi deadline xong khac them tiep muc kh ii iii iv vii viii xii'
  ).split(' '),
);
