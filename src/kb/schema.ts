import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order and recorded in `user_version`. Never edit a released migration:
 * add a new one. Progress reports (next issue) will reference `tasks.id`, which is stable across re-imports;
 * tasks that disappear from a new version of a document are retired, never deleted, so nothing linked to
 * them is lost.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES units(id),
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'unit', 'collective')),
    category TEXT NOT NULL,
    covers TEXT,
    search TEXT NOT NULL
  );
  CREATE UNIQUE INDEX units_identity ON units (ifnull(parent_id, 0), key);
  CREATE INDEX units_search ON units (search);

  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    code TEXT,
    issuer TEXT NOT NULL,
    issuer_unit_id INTEGER NOT NULL REFERENCES units(id),
    province TEXT,
    date TEXT,
    year INTEGER,
    title TEXT NOT NULL,
    index_name TEXT,
    appendix TEXT,
    source TEXT NOT NULL,
    layout TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );

  CREATE TABLE plan_goals (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    index_name TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (plan_id, ord)
  );

  CREATE TABLE sections (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    ord INTEGER NOT NULL,
    PRIMARY KEY (plan_id, code)
  );

  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id),
    section_code TEXT NOT NULL,
    stt TEXT NOT NULL,
    ord INTEGER NOT NULL,
    is_heading INTEGER NOT NULL,
    parent_id TEXT,
    content TEXT NOT NULL,
    search TEXT NOT NULL,
    deadline_raw TEXT NOT NULL,
    deadline_due TEXT,
    deadline_kind TEXT NOT NULL,
    product TEXT NOT NULL,
    line INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    retired_at TEXT
  );
  CREATE INDEX tasks_plan ON tasks (plan_id, ord);
  CREATE INDEX tasks_due ON tasks (deadline_due) WHERE retired_at IS NULL;

  CREATE TABLE task_units (
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('lead', 'coordinate')),
    ord INTEGER NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    raw TEXT NOT NULL,
    role TEXT,
    condition TEXT,
    PRIMARY KEY (task_id, relation, ord)
  );
  CREATE INDEX task_units_unit ON task_units (unit_id, relation);

  CREATE TABLE task_kpis (
    task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    op TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (task_id, ord)
  );
  `,
  // v2: a hash of the source bytes (with the sidecar, lexicon and importer version) lets an unchanged file be
  // skipped without parsing it again.
  `ALTER TABLE plans ADD COLUMN source_hash TEXT;
   CREATE INDEX plans_source ON plans (source);
   CREATE INDEX tasks_section ON tasks (plan_id, section_code);`,
  // v3: people, their progress reports (an audit trail: every report kept, the latest counts) and the short-lived
  // conversation state (a pending numbered choice, the next page of a long list).
  `CREATE TABLE users (
     id INTEGER PRIMARY KEY,
     channel TEXT NOT NULL,
     external_id TEXT NOT NULL,
     display_name TEXT,
     unit_id INTEGER REFERENCES units(id),
     role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'lead', 'admin')),
     approved_at TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (channel, external_id)
   );
   CREATE TABLE progress_reports (
     id INTEGER PRIMARY KEY,
     task_id TEXT NOT NULL REFERENCES tasks(id),
     unit_id INTEGER NOT NULL REFERENCES units(id),
     status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
     percent REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
     actual REAL,
     note TEXT,
     user_id INTEGER NOT NULL REFERENCES users(id),
     channel TEXT NOT NULL,
     text TEXT NOT NULL,
     reported_at TEXT NOT NULL
   );
   CREATE INDEX progress_task_unit ON progress_reports (task_id, unit_id, id);
   CREATE INDEX plans_imported ON plans (imported_at);
   CREATE TABLE conversation_state (
     user_id INTEGER PRIMARY KEY REFERENCES users(id),
     state TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
  // v4: inbound chat updates (at-least-once delivery: a redelivered update is answered once, also across a
  // restart; a polled update is stored before it is handled) and the group chats the bot has seen (groups cannot
  // be listed later, and digests go to them).
  `CREATE TABLE inbound_updates (
     channel TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     message_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     received_at TEXT NOT NULL,
     handled_at TEXT,
     PRIMARY KEY (channel, chat_id, message_id)
   );
   CREATE INDEX inbound_pending ON inbound_updates (channel, received_at) WHERE handled_at IS NULL;
   CREATE TABLE chat_groups (
     channel TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     first_seen TEXT NOT NULL,
     last_seen TEXT NOT NULL,
     PRIMARY KEY (channel, chat_id)
   );
   CREATE TABLE digest_subscriptions (
     channel TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     unit_id INTEGER NOT NULL REFERENCES units(id),
     weekday INTEGER NOT NULL DEFAULT 1,
     time TEXT NOT NULL DEFAULT '08:00',
     created_by INTEGER REFERENCES users(id),
     created_at TEXT NOT NULL,
     PRIMARY KEY (channel, chat_id, unit_id)
   );`,
  // v5: where proactive messages can go (Teams needs a stored conversation reference; it cannot be rebuilt).
  `CREATE TABLE conversation_refs (
     channel TEXT NOT NULL,
     conversation_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     reference TEXT NOT NULL,
     tenant_id TEXT,
     installed_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     dead_at TEXT,
     dead_reason TEXT,
     PRIMARY KEY (channel, conversation_id)
   );`,
  // v6: proactive messages. Every digest, reminder and ping is an outbox row with a unique key, written before it
  // goes out and updated after, so a restart never sends one twice and a missed run is caught up once.
  `ALTER TABLE users ADD COLUMN reminders INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE conversation_refs ADD COLUMN user_key TEXT;
   CREATE INDEX conversation_refs_user ON conversation_refs (channel, user_key) WHERE user_key IS NOT NULL;
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     kind TEXT NOT NULL CHECK (kind IN ('digest', 'reminder', 'ping')),
     channel TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending'
       CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'gone', 'unknown')),
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     not_before TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT,
     error TEXT
   );
   CREATE INDEX outbox_due ON outbox (status, not_before);`,
  // v7: running safely in an office. Every running server has a row and a heartbeat (so a claim held by a dead
  // process can be told from one still being answered); one lease names the instance that runs the Zalo poller
  // and the scheduler; an inbound update records which instance claimed it and the answer it got (a replay after a
  // crash sends that answer, it does not run the message — a progress report — a second time); a report made by an
  // admin for another unit is marked as made on its behalf.
  `CREATE TABLE instances (
     id TEXT PRIMARY KEY,
     pid INTEGER NOT NULL,
     host TEXT NOT NULL,
     started_at TEXT NOT NULL,
     heartbeat_at TEXT NOT NULL,
     stopped_at TEXT
   );
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     acquired_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   ALTER TABLE inbound_updates ADD COLUMN claimed_by TEXT;
   ALTER TABLE inbound_updates ADD COLUMN answer TEXT;
   ALTER TABLE progress_reports ADD COLUMN on_behalf INTEGER NOT NULL DEFAULT 0;`,
  // v8: a report can be taken back ("hủy báo cáo vừa rồi") by its author shortly after. The row stays, marked
  // with when and by whom, so the audit trail keeps what was said; every read of "the latest report" skips it.
  `ALTER TABLE progress_reports ADD COLUMN retracted_at TEXT;
   ALTER TABLE progress_reports ADD COLUMN retracted_by INTEGER REFERENCES users(id);`,
  // v9: "xuất báo cáo" in chat. The answer is a link (GET /files/<token>): the row keeps what was asked, the
  // random token names it for 24 hours, and the file is written on the first download (file_path).
  `CREATE TABLE downloads (
     token TEXT PRIMARY KEY,
     org_id INTEGER NOT NULL REFERENCES units(id),
     unit_id INTEGER REFERENCES units(id),
     plan_id TEXT,
     period_key TEXT NOT NULL CHECK (period_key IN ('q1', 'q2', 'q3', 'q4', 'h1', 'year', 'custom')),
     period_label TEXT NOT NULL,
     period_from TEXT NOT NULL,
     period_to TEXT NOT NULL,
     year INTEGER,
     format TEXT NOT NULL CHECK (format IN ('xlsx', 'docx', 'json')),
     made_on TEXT NOT NULL,
     user_id INTEGER REFERENCES users(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     file_path TEXT
   );
   CREATE INDEX downloads_expiry ON downloads (expires_at);`,
  // v10: the web console (/admin). A one-time sign-in link (15 minutes, used once) and the session it opens (8
  // hours). Only sha256 hashes of the link token and of the session id are stored: whoever reads the database
  // file or a backup cannot sign in with what it holds.
  `CREATE TABLE console_links (
     token_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT
   );
   CREATE TABLE console_sessions (
     id_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES users(id),
     csrf TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX console_sessions_user ON console_sessions (user_id) WHERE revoked_at IS NULL;`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
