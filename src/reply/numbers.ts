/**
 * Numbers as Vietnamese readers write them: a decimal comma and a dot between thousands ("50,5", "1.234").
 * Hand-written rather than Intl's vi-VN so a Node built without full ICU still says it the same way.
 * Only for quantities (counts, percents, KPI values): ids people type back ("duyệt 1234") stay plain.
 */
const MAX_DECIMALS = 3;

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const scale = 10 ** MAX_DECIMALS;
  // Rounded first so float noise (0.1 + 0.2) never prints, and a rounded-away sign never shows "-0".
  const rounded = Math.round(Math.abs(value) * scale) / scale;
  const [whole = '0', fraction] = rounded.toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

export function formatPercent(value: number): string {
  return `${formatNumber(value)}%`;
}
