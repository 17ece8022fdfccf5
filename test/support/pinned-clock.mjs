/**
 * Loaded with `--import` (through NODE_OPTIONS) into every process a date-dependent browser test starts — the
 * server, the CLI, the report worker — so that all of them live on the test's fixed day: the clock reads
 * PINNED_NOW at the real instant PINNED_AT, the same anchor for every process, and then runs at the real pace
 * (sessions, links and leases age as in production). Without both variables it changes nothing.
 */
const pinned = Date.parse(process.env.PINNED_NOW ?? '');
const anchor = Number(process.env.PINNED_AT);
if (!Number.isNaN(pinned) && Number.isFinite(anchor)) {
  const RealDate = Date;
  const offset = pinned - anchor;
  class PinnedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = PinnedDate;
}
