import type { Intent } from '../intents.ts';
import { words } from '../vocabulary.ts';
import type { Asked } from './frame.ts';

const WHO_COORDINATES = words(
  'ai phoi hop',
  '(?:don vi|co quan|phong|ben|so) nao phoi hop',
  'phoi hop voi ai',
);
const WHO_LEADS = words(
  'ai chu tri',
  '(?:don vi|co quan|phong|ben|so) nao chu tri',
  'ai (?:la )?(?:dau moi|phu trach chinh)',
);
/** "ai làm", "ai thực hiện", "những ai tham gia": every unit involved, each labelled. */
const WHO_INVOLVED = words(
  'ai (?:lam|thuc hien|tham gia|lien quan|trien khai)',
  '(?:nhung )?(?:don vi|co quan|phong|ben) nao (?:lam|thuc hien|tham gia|lien quan|trien khai)',
  'nhung ai',
);

/** "việc X phòng mình chủ trì hay phối hợp": the part is what is asked. */
export const WHICH_PART = words('chu tri hay (?:la )?phoi hop', 'phoi hop hay (?:la )?chu tri');

/** What is asked, from the intent the rules chose (src/intent/classify.ts) and the who-words of the message. */
export function findAsked(folded: string, intent: Intent): Asked {
  if (WHICH_PART.test(folded) && intent !== 'task_detail') return 'involved';
  switch (intent) {
    case 'who_is_responsible':
      if (WHO_COORDINATES.test(folded) && WHO_LEADS.test(folded)) return 'involved';
      if (WHO_COORDINATES.test(folded)) return 'coordinate';
      if (WHO_INVOLVED.test(folded) && !WHO_LEADS.test(folded)) return 'involved';
      return 'lead';
    case 'deadlines':
      return 'deadline';
    case 'kpi':
      return 'kpi';
    case 'task_detail':
      return 'detail';
    default:
      return 'list';
  }
}
