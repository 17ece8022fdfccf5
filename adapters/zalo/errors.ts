/** Typed errors of the Zalo Bot API client; their messages are redacted (never the token). */

/** Zalo answered `ok:false` (or something that is not the envelope); `errorCode` is the HTTP status then. */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    readonly httpStatus: number,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
  }
}

/** No answer was read (connection failed or the request timed out): a send may or may not have gone out. */
export class ZaloNetworkError extends Error {
  override readonly name = 'ZaloNetworkError';
  constructor(
    readonly method: string,
    readonly reason: 'network' | 'timeout',
    detail: string,
  ) {
    super(`Zalo ${method} ${reason === 'timeout' ? 'timed out' : 'network error'}: ${detail}`);
  }
}
