/**
 * A report made for another unit: "báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đạt 80%",
 * "bc thay cho phòng KHTC nv VI.4 …", "cập nhật tiến độ thay VP Sở …", "thay mặt Phòng X báo cáo …".
 *
 * Reads the folded message and returns the words that name the unit — from after "thay" up to the colon, the task
 * ("nhiệm vụ", "mục", "VI.4") or the report verb — or null when the report is not made for another unit. The unit
 * is looked up in those words alone: in "… Văn phòng Sở: nhiệm vụ …" the whole message would read "Sở NV".
 */
export interface OnBehalf {
  /** Folded words of the unit's name as written (empty when "báo cáo thay" names nothing). */
  unitTokens: string[];
}

/** "thay" reports for someone right after a report verb ("báo cáo thay …"), or as "thay mặt" anywhere. */
const ON_BEHALF =
  /(?:(?:^|\s)(?:bao cao|cap nhat)(?:\s+tien do)?\s+thay|(?:^|\s)thay\s+mat)(?!\s+(?:doi|the)(?:\s|$))(?:\s+cho)?(?=\s|$|[:,])/;
/** Where the unit's name ends: punctuation that closes it, the task, or the report verb after "thay mặt X". */
const NAME_END =
  /[:;]|\s(?:nhiem vu|muc|bao cao|cap nhat)(?=\s|$)|\s(?=[ivxlc]+\.\d|\d+(?:\.\d+)+(?:\s|$))|\s(?=(?:ve|cho)\s+(?:nhiem vu|muc))/;
/** The same word split as the message's tokens (src/vi/message.ts). */
const TOKEN_SPLIT = /[^\p{L}\p{N}%]+/u;

export function findOnBehalf(folded: string): OnBehalf | null {
  const start = ON_BEHALF.exec(folded);
  if (!start) return null;
  const rest = folded.slice(start.index + start[0].length);
  const end = NAME_END.exec(rest);
  const name = end ? rest.slice(0, end.index) : rest;
  return { unitTokens: name.split(TOKEN_SPLIT).filter((t) => t !== '') };
}
