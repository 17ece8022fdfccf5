import { words } from '../vocabulary.ts';

/** "toàn sở", "cả sở", "cả đơn vị": every unit of the asker's organisation. */
export const WHOLE_ORGANISATION = words(
  'toan so',
  'ca so',
  'toan don vi',
  'ca don vi',
  'toan co quan',
  'ca co quan',
  'tat ca cac phong',
  'cac phong trong so',
);

/** "nhiệm vụ đó", "việc này", "mục vừa rồi": the one task shown last. */
export const THAT_TASK = words(
  '(?:nhiem vu|viec|cong viec|muc|cai|nv) (?:do|nay|ay|vua roi|vua xem|vua hoi|tren|kia)',
  'no',
);
