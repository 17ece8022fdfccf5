/**
 * The Vietnamese vocabulary of the intent rules, in one place. Every pattern runs on the folded message
 * (no diacritics, lower case, shorthand and abbreviations expanded: "ko" → "khong", "tthc" → "thu tuc hanh chinh").
 * Each misunderstanding found later becomes a new word here and a new row in test/fixtures/utterances.jsonl.
 */
export const words = (...alternatives: string[]) =>
  new RegExp(`(?:^|\\s)(?:${alternatives.join('|')})(?=\\s|$|[?.!,])`);

/** "duyệt" lists who waits, "duyệt 12" approves user 12. */
const approveCommand = /^(?:duyet|phe duyet)(?:\s+(?:dang ky|nguoi dung|tai khoan))?(?:\s+(\d+))?\s*$/;
/** "đặt 12 làm trưởng phòng" / "… làm quản trị": the role words follow (src/intent/entities/admin-command.ts). */
const setRoleCommand = /^dat\s+(\d+)\s+lam\s+/;
/** "thu hồi 12", "hủy duyệt 12", "thu hồi quyền của 12": withdraws the approval. */
const revokeCommand =
  /^(?:thu hoi|huy duyet|bo duyet)(?:\s+(?:quyen|duyet|tai khoan|nguoi dung)(?:\s+cua)?)?\s+(\d+)\s*$/;

export const VOCABULARY = {
  approveCommand,
  setRoleCommand,
  revokeCommand,
  /** Any of them: registration management by admins and leads, routed like a registration. */
  adminCommand: new RegExp([approveCommand, setRoleCommand, revokeCommand].map((r) => r.source).join('|')),
  /** "@Bot đăng ký bản tin tuần Phòng …", "hủy bản tin": digest subscriptions of the chat. */
  subscribeDigest: words('dang ky (?:nhan )?ban tin(?: tuan)?', 'nhan ban tin(?: tuan)?', 'theo doi ban tin'),
  unsubscribeDigest: words(
    'huy (?:dang ky )?(?:nhan )?ban tin',
    'ngung (?:nhan )?ban tin',
    'tat ban tin',
    'bo ban tin',
  ),
  /** "@Bot bản tin vào thứ sáu 16:00": a new day and time for the chat's digest. */
  digestSchedule:
    /(?:^|\s)ban tin(?: tuan)?(?: (?:vao|luc|gui vao|chuyen sang|doi sang))? (?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat|t[2-7]|cn)\b/,
  /** "tắt nhắc việc" / "bật nhắc việc": the person's deadline reminders. */
  remindersOff: words('(?:tat|ngung|dung|huy|khong nhan) (?:nhan )?nhac viec', 'tat nhac nho'),
  remindersOn: words('(?:bat|mo|nhan)(?: lai)? nhac viec', 'bat nhac nho'),
  /** "danh sách cần đôn đốc", "nhắc việc phòng X": the chase list for leads. */
  chaseList: words(
    '(?:danh sach )?can don doc',
    'don doc',
    'nhac viec',
    'danh sach nhac viec',
    'viec can nhac',
  ),
  /** "nhắc phòng X nhiệm vụ III.7": ping a unit's registered staff about one task. */
  remindUnit: /^(?:hay |bot )?nhac (?:nho )?(?!viec\b)/,
  paging: /^(?:xem tiep|tiep|tiep theo|xem them|them nua|trang sau|next)\s*[.!?]*$/,
  choice: /^\s*(?:(?:so|cai|cai thu|thu|muc|chon|lua chon)\s+)?(?:so\s+)?(\d{1,2})\s*[.!?]*$/,
  register: words(
    'dang ky',
    'dang ki',
    'toi cong tac (?:o|tai)',
    'minh cong tac (?:o|tai)',
    'em cong tac (?:o|tai)',
    'toi lam viec (?:o|tai)',
    'toi thuoc',
    'minh thuoc',
    'em thuoc',
    'toi lam (?:o|tai|viec o|viec tai)',
    'minh lam (?:o|tai)',
    'toi la (?:can bo|cong chuc|vien chuc|chuyen vien|nhan vien|truong phong|pho phong)',
    // As staff introduce themselves: "em công tác tại …", "mình làm ở …", "em là chuyên viên phòng …".
    '(?:em|minh|anh|chi) (?:cong tac|lam viec|lam) (?:o|tai)',
    '(?:anh|chi) thuoc',
    '(?:em|minh|anh|chi) la (?:can bo|cong chuc|vien chuc|chuyen vien|nhan vien|truong phong|pho phong|lanh dao|ke toan|van thu)',
    // "bên em là phòng …" introduces; "phòng tôi là gì" / "bên em là ai" do not.
    '(?:ben|don vi|co quan|phong) (?:em|minh|toi|chung em|chung toi) la(?! (?:gi|ai|nhung|bao|the nao|phong nao|don vi nao)(?:\\s|$))',
  ),
  /** Unmistakable requests for help, checked before any topic word can claim the message. */
  helpFirst: words(
    'cu phap',
    'menu',
    '/start',
    '/help',
    'tro giup',
    'huong dan su dung',
    'cach dung',
    'cach su dung',
  ),
  help: words(
    'huong dan',
    'tro giup',
    'help',
    '/start',
    '/help',
    'lam (?:duoc )?(?:nhung )?gi(?: duoc)?\\s*(?:\\?|$)',
    'cach dung',
    'cach su dung',
    'su dung (?:the nao|nhu the nao)',
    'hoi (?:duoc )?(?:nhung )?gi',
    'menu',
    'chuc nang',
    'giup (?:duoc )?(?:nhung )?gi',
    'ho tro (?:duoc )?(?:nhung )?(?:gi|chuc nang)',
    'cu phap',
    'lam sao de',
    'cach (?:bao cao|hoi|tra cuu)',
  ),
  smalltalk: words(
    'chao',
    'xin chao',
    'hello',
    'hi',
    'alo',
    'cam on',
    'ok',
    'tam biet',
    'chuc',
    'good',
    'hay qua',
    'tot qua',
    'khoe (?:khong|ko)',
    'ban la ai',
    'bot la ai',
    'hoa ca lang',
    'tuyet',
    'xu ly nhe',
  ),
  digest: words(
    'tom tat',
    'ban tin',
    'diem tin',
    'tong quan',
    'ban tong hop',
    'tong hop (?:giup|nhanh|lai|tuan|thang|tinh hinh)',
    'digest',
    'bao cao tuan',
  ),
  overdue: words(
    'qua han',
    // "qa" for "quá" (a dropped vowel, met from a new user): read as overdue, never as a plain deadline question.
    'qa han',
    'tre han',
    'cham tien do',
    'tre tien do',
    'cham tre',
    'bi tre',
    'het han (?:ma|nhung) chua',
    'qua deadline',
    'tre deadline',
    'no dong',
  ),
  kpi: words(
    'chi tieu',
    'kpi',
    'phai dat',
    'can dat',
    'muc tieu',
    'dat bao nhieu',
    'bao nhieu phan tram',
    'bao nhieu %',
    'ty le',
    'toi thieu bao nhieu',
    'it nhat (?:may|bao nhieu)',
    'giam (?:toi thieu )?bao nhieu',
    'phan dau dat',
  ),
  deadlines: words(
    'han',
    'thoi han',
    'den han',
    'han chot',
    'deadline',
    'phai xong',
    'phai hoan thanh',
    'khi nao (?:phai )?(?:xong|hoan thanh)',
    'sap den han',
    'het han',
    'thoi gian hoan thanh',
    'tien do',
  ),
  notDeadline: words('han che'),
  /** "tiến độ nhiệm vụ V.2 thế nào": asks for the task's state, not its deadline. */
  progressQuestion: /(?:^|\s)tien do\b.*(?:the nao|ra sao|den dau|nhu the nao)/,
  unitHeadAtStart:
    /^(?:phong|so|ban|cuc|chi cuc|trung tam|van phong|uy ban nhan dan|thanh tra|doan|hoi dong)\s+(?!toi|minh|nao|chung|em|ta|chong)\p{L}+\s+\p{L}+/u,
  detail: words('chi tiet', 'la gi', 'noi dung', 'cu the', 'xem (?:nhiem vu|muc)', 'thong tin'),
  reportVerb: words(
    'bao cao',
    'cap nhat',
    'da hoan thanh',
    'hoan thanh roi',
    'da xong',
    'xong roi',
    'dang thuc hien',
    'dang lam',
    'chua bat dau',
    'chua lam',
    'dat \\d+(?:[.,]\\d+)?\\s*%',
    'duoc \\d+(?:[.,]\\d+)?\\s*%',
    'ty le thuc te',
    'thuc te dat',
    'ket qua dat',
  ),
  question: /(?:\?|\s(?:chua|khong|sao|nao|the nao|nhu the nao))\s*[?.!]*$/,
  /** Verbs that, with "ai" / "đơn vị nào", make a who-does-it question. */
  whoVerb: words(
    'lam',
    'lo',
    'phai',
    'phu trach',
    'chu tri',
    'phoi hop',
    'thuc hien',
    'chiu trach nhiem',
    'dam nhan',
    'dam nhiem',
    'duoc giao',
    'giao',
    'tham muu',
  ),
  who: words(
    'ai',
    'don vi nao',
    'co quan nao',
    'phong nao',
    'ben nao',
    'so nao',
    'bo phan nao',
    'noi nao',
    'ai la',
  ),
  firstPerson: words(
    'toi',
    'minh',
    'chung toi',
    'chung minh',
    'em',
    'phong toi',
    'phong minh',
    'don vi toi',
    'don vi minh',
    'bo phan toi',
    'cua toi',
    'cua minh',
    'ben toi',
    'ben minh',
    'chung em',
  ),
  taskWords: words(
    'nhiem vu',
    'viec',
    'cong viec',
    'phu trach',
    'phai lam',
    'chu tri',
    'phoi hop',
    'lam gi',
    'giai phap',
    'dam nhan',
    'dam nhiem',
    'trach nhiem',
    'thuc hien',
    'duoc giao',
    'giao',
  ),
  topicLead: words('ve', 'lien quan', 'lien quan den', 'linh vuc', 'chu de', 'mang'),
  leadOnly: words('chu tri'),
  coordinateOnly: words('phoi hop'),
  both: words('phu trach', 'phai lam', 'nhiem vu cua', 'trach nhiem', 'dam nhan', 'dam nhiem', 'lam gi'),
} as const;

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
  'dinh luong|kpi|phu luc'
)
  .split('|')
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/** Content words that a stop word would otherwise eat ("tham nhũng" folds to "tham nhung"; "những" too). */
export const TOPIC_KEEP_PHRASES = ['tham nhung', 'the che', 'do thi', 'co che', 'co so', 'co quan hanh chinh']
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

export const TOPIC_STOPWORDS = new Set(
  (
    'ai la gi nao cac nhung cua ve va voi cho de trong tren duoi nay kia ma khong chua da dang se ' +
    'viec toi minh chung em ban ben bo hoi xem giup nam can muon biet tim sao vay a oi nhe thoi gom ' +
    'bot anh lam phai duoc nhu o mot tat ca'
  ).split(' '),
);
