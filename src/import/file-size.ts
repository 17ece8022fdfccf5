/** Sizes as a Vietnamese clerk reads them: "25,3 MB" (decimal comma, thousands dot), binary units like Windows. */
const MB = 1024 * 1024;

/** A plan file above this is refused before it is read (a mistaken scan or archive would fill the memory). */
export const DEFAULT_IMPORT_MAX_MB = 20;

export const megabytes = (mb: number): number => Math.round(mb * MB);

const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatSize(bytes: number): string {
  if (bytes < MB) return `${oneDecimal.format(bytes / 1024)} KB`;
  if (bytes < 1024 * MB) return `${oneDecimal.format(bytes / MB)} MB`;
  return `${oneDecimal.format(bytes / (1024 * MB))} GB`;
}
