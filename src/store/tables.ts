import type { Generated } from 'kysely';

/**
 * Table types of the database, the same on SQLite and PostgreSQL. Portable choices: JSON is
 * stored as text, timestamps as ISO-8601 text (sortable), ids as integers.
 */
export interface GoodsOwnersTable {
  id: Generated<number>;
  code: string;
  name: string;
  status_rules: string;
  created_at: string;
  /** Which WMS holds this goods owner's records (migration 0013). */
  wms: Generated<string>;
  wms_settings: Generated<string>;
  /** The WMS credentials, sealed with the secret box; null for the embedded WMS. */
  wms_secrets: string | null;
  /** 1: shipping may take physical stock below zero; 0 (default): such a shipment is refused (migration 0014). */
  allow_negative_stock: Generated<number>;
}

interface KeyedDocument {
  goods_owner_id: number;
  data: string;
  updated_at: string;
}

export interface ArticlesTable extends KeyedDocument {
  article_number: string;
}

export interface SuppliersTable extends KeyedDocument {
  supplier_number: string;
}

export interface OrdersTable extends KeyedDocument {
  id: Generated<number>;
  order_number: string;
  status: number;
  /** JSON array of shipments */
  shipments: string;
  created_at: string;
}

export interface OrderLinesTable {
  order_id: number;
  row_no: number;
  article_number: string;
  number_of_items: number;
  picked_number_of_items: number | null;
  /** JSON: the line's other canonical fields */
  data: string;
}

export interface PurchaseOrdersTable extends KeyedDocument {
  id: Generated<number>;
  order_number: string;
  status: number;
  created_at: string;
}

export interface PurchaseOrderLinesTable {
  purchase_order_id: number;
  row_no: number;
  article_number: string;
  number_of_items: number;
  received_number_of_items: number;
  data: string;
}

export interface StockBalancesTable {
  goods_owner_id: number;
  article_number: string;
  physical: number;
  updated_at: string;
}

/** Events the WMS writes in the transaction of the change that caused them, for the sync engine. */
export interface WmsEventsTable {
  id: Generated<number>;
  goods_owner_id: number;
  type: string;
  subject: string;
  payload: string;
  created_at: string;
}

export interface Database {
  goods_owners: GoodsOwnersTable;
  articles: ArticlesTable;
  suppliers: SuppliersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  stock_balances: StockBalancesTable;
  wms_events: WmsEventsTable;
  integrations: IntegrationsTable;
  cursors: CursorsTable;
  links: LinksTable;
  runs: RunsTable;
  run_records: RunRecordsTable;
  record_failures: RecordFailuresTable;
  outbox: OutboxTable;
  schedules: SchedulesTable;
  engine_state: EngineStateTable;
  oauth_states: OAuthStatesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  source_samples: SourceSamplesTable;
  walk_positions: WalkPositionsTable;
  rate_limit_buckets: RateLimitBucketsTable;
  jobs: JobsTable;
  audit_log: AuditLogTable;
}

/** One goods owner's link to one external system. */
export interface IntegrationsTable {
  id: Generated<number>;
  goods_owner_id: number;
  system: string;
  name: string;
  /** JSON: non-secret settings the user set (defaults are the connector's, not stored). */
  settings: string;
  /** Encrypted JSON of the secret settings (tokens, passwords, keys). */
  secrets: string;
  /** JSON: { [flow]: boolean } for flows the user switched away from the default. */
  flows: string;
  /** JSON: { [flow]: MappingOverride[] } */
  mapping_overrides: string;
  paused: number;
  created_at: string;
  updated_at: string;
}

/** Where a pulling flow continues next time; from the source's clock. */
export interface CursorsTable {
  integration_id: number;
  flow: string;
  cursor: string;
  updated_at: string;
}

/** Where a cut-off walk of a list not sorted by time goes on from (the flow's own text). */
export interface WalkPositionsTable {
  integration_id: number;
  flow: string;
  position: string;
  updated_at: string;
}

/** The token bucket of one credential, shared by every process: see src/sync/shared-rate-limits.ts */
export interface RateLimitBucketsTable {
  /** SHA-256 of the credential key: the key may hold a user name that is a secret of its integration */
  key: string;
  tokens: number;
  /** milliseconds since 1970 on the database's clock */
  refilled_at: number;
  paused_until: number;
  /** how many tokens the last take handed out: an UPDATE's RETURNING sees only the new row */
  granted: number;
}

/** Work waiting to run under its flow's lease (a webhook's delivery), oldest first per flow. */
export interface JobsTable {
  id: Generated<number>;
  /** Unique while the job waits: the same delivery sent twice is stored once. */
  key: string;
  integration_id: number;
  flow: string;
  /** What the payload is, e.g. `delivery` */
  type: string;
  /** JSON */
  payload: string;
  /** Not before this time (ISO 8601): now, or the retry time after a failed attempt. */
  run_at: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
}

/** External id ↔ WMS record, per integration, with a hash of what was last written. */
export interface LinksTable {
  integration_id: number;
  kind: string;
  external_id: string;
  wms_key: string;
  hash: string;
  updated_at: string;
}

export interface RunsTable {
  id: Generated<number>;
  integration_id: number;
  flow: string;
  trigger: string;
  status: string;
  counts: string;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  /** Pages written so far (an import's pages, a report run's batch). */
  pages: Generated<number>;
  /** Calls made to the system so far. */
  api_calls: Generated<number>;
}

/** One outcome per record of a run. */
export interface RunRecordsTable {
  run_id: number;
  seq: number;
  record: string;
  external_id: string | null;
  outcome: string;
  /** JSON array of field issues, when the outcome is failed or locked */
  issues: string | null;
}

/** Records that failed and wait to be retried, next run or by hand. */
export interface RecordFailuresTable {
  integration_id: number;
  flow: string;
  external_id: string;
  record: string;
  issues: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
}

/** Reports waiting to be sent to an external system. */
export interface OutboxTable {
  id: Generated<number>;
  integration_id: number;
  flow: string;
  event_id: number;
  subject: string;
  external_id: string;
  payload: string;
  /** pending | sending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** When each flow of each integration runs next, and who holds it now (a lease). */
export interface SchedulesTable {
  integration_id: number;
  flow: string;
  next_run_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** The host name and process id of the lease's holder: a restart on that host takes a dead one's lease at once. */
  lease_host: string | null;
  lease_pid: number | null;
  /** When the flow was woken while its lease was held; the release keeps it if it is earlier. */
  woken_at: string | null;
}

/** Small named values of the engine, e.g. how far the event relay has read. */
export interface EngineStateTable {
  key: string;
  value: string;
}

/** An authorization started in a browser, waiting for its callback. */
export interface OAuthStatesTable {
  state: string;
  integration_id: number;
  redirect_uri: string;
  expires_at: string;
  /** the user id of whoever started the flow (0: set-up mode); only they may complete it */
  started_by: number | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** scrypt, with its parameters and salt: see src/access/passwords.ts */
  password_hash: string;
  /** admin | goods-owner */
  role: string;
  goods_owner_id: number | null;
  created_at: string;
}

/** A signed-in browser. Only a hash of the cookie's token is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  /** `session` (a browser's sign-in) or `token` (an API token for scripts) */
  kind: Generated<string>;
  /** null for rows from before migration 0016 */
  created_at: string | null;
}

/** Consecutive failed sign-ins of one account or one address: see src/access/login-throttle.ts */
export interface LoginThrottlesTable {
  /** `account:` or `address:` and the SHA-256 of the e-mail or address: bounded in length, no typed e-mail in clear */
  key: string;
  failures: number;
  blocked_until: string;
  last_failure_at: string;
}

export interface SourceSamplesTable {
  integration_id: number;
  flow: string;
  external_id: string;
  record: string;
  /** JSON: the source record as the mapping reads it */
  source: string;
  fetched_at: string;
}

/** Who changed what, when: see src/audit/. Never a secret value: secrets by name only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** `user EMAIL`, `cli USER` or `set-up (this machine)` */
  actor: string;
  actor_user_id: number | null;
  /** integration, mapping, setting, order, user, goods owner */
  kind: string;
  /** e.g. `integration 3`, `order SO-1`, `user anna@acme.example` */
  record: string;
  /** the goods owner the record belongs to, when it belongs to one: goods-owner users see these */
  goods_owner: string | null;
  /** e.g. `created`, `settings changed`, `sessions revoked` */
  action: string;
  /** JSON: { field: { from, to } } for plain values, { secrets: [names] } for secrets */
  changes: string;
}
