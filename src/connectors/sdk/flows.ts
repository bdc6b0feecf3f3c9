import type { FieldIssue } from '../../kernel/errors.js';
import type { MappingTable } from '../../mapping/index.js';
import type { OrderShippedEvent, PurchaseOrderReceivedEvent } from '../../wms/port.js';

export const flowIds = [
  'article-import',
  'order-import',
  'purchase-order-import',
  'supplier-import',
  'stock-export',
  'delivery-report',
  'receipt-report',
] as const;
export type FlowId = (typeof flowIds)[number];

/** One record as a source gives it, before mapping. */
export interface SourceRecord {
  /** Stable id in the external system; with the flow's link kind it keys the link. */
  externalId: string;
  /** How the record is named in runs and errors, e.g. "order 1042". */
  label: string;
  /** What the mapping reads. */
  source: unknown;
  /** `cancel`: the source cancelled it; the WMS cancels it if its status allows. */
  action?: 'upsert' | 'cancel';
  /** Problems found before mapping (a malformed record on the wire): the record fails with these. */
  issues?: FieldIssue[];
}

/** One page of changed records and the cursor to commit once they are written. */
export interface ImportPage {
  records: SourceRecord[];
  /** The cursor after this page, from the source's clock; omitted = unchanged. */
  cursor?: string;
  /**
   * For a list that is not walked in time order, where no page's cursor is safe before the end:
   * where to go on from if the run stops after this page is written. Opaque to the engine, kept
   * until the walk ends, and handed back as `resumeFrom` to the next run.
   */
  position?: string;
}

export interface ImportRequest {
  /** For a timestamp cursor: where the last run stopped, minus the overlap window; undefined on the first run. */
  since: Date | undefined;
  /** The stored cursor as the flow last gave it (an id, a token, a time); undefined on the first run. */
  cursor?: string;
  /** The last `position` of a walk that was cut off (a crash, a lost lease): continue it. */
  resumeFrom?: string;
  signal: AbortSignal;
}

/** Pulls records from the external system into the WMS. */
export interface ImportFlow<Api> {
  kind: 'import';
  id: 'article-import' | 'order-import' | 'purchase-order-import' | 'supplier-import';
  description: string;
  enabledByDefault: boolean;
  /** What the engine calls `mapping` and `connectors describe` prints: the seed's table. */
  mapping: MappingTable;
  /**
   * What the pages' `cursor` is (default: a timestamp, read back as `since` with the overlap) and
   * when it is committed: after each page's records are written (default), or only once the walk
   * has ended, for lists not sorted by what the cursor holds.
   */
  cursor?: { format: 'timestamp' | 'number' | 'opaque'; commit?: 'per-page' | 'after-run' };
  /** Changed records since `request.since`, page by page, oldest first. */
  fetch(api: Api, request: ImportRequest): AsyncIterable<ImportPage>;
  /** The current version of records by external id: retries of failed records use it. */
  fetchByIds?(api: Api, externalIds: string[], signal: AbortSignal): Promise<SourceRecord[]>;
}

export interface RemoteStock {
  articleNumber: string;
  quantity: number;
}

/** Pushes WMS stock to the external system, writing only what differs. */
export interface StockExportFlow<Api> {
  kind: 'stock-export';
  id: 'stock-export';
  description: string;
  enabledByDefault: boolean;
  /** Which WMS figure the system wants. */
  quantity: 'physical' | 'available';
  readRemote(api: Api, articleNumbers: string[], signal: AbortSignal): Promise<RemoteStock[]>;
  write(api: Api, stock: RemoteStock, signal: AbortSignal): Promise<void>;
  /** Described like a mapping table: canonical path → external field. */
  mapping: { wms: string; to: string }[];
}

export interface ReportPayloads {
  'delivery-report': OrderShippedEvent;
  'receipt-report': PurchaseOrderReceivedEvent;
}

/** Tells the external system what the warehouse did, from the outbox, once per event. */
export interface ReportFlow<Api, F extends 'delivery-report' | 'receipt-report' = 'delivery-report' | 'receipt-report'> {
  kind: 'report';
  id: F;
  description: string;
  enabledByDefault: boolean;
  /** Reads its settings from the api, like every flow: they were parsed once, when the api was built. */
  send(api: Api, report: { externalId: string; payload: ReportPayloads[F] }, signal: AbortSignal): Promise<void>;
  /**
   * Whether the remote already shows this report: asked before re-sending after an attempt whose
   * outcome is unknown (a timeout, a crash between sending and recording).
   */
  isDone(api: Api, report: { externalId: string; payload: ReportPayloads[F] }, signal: AbortSignal): Promise<boolean>;
  /** Described like a mapping table: canonical path → external field. */
  mapping: { wms: string; to: string }[];
}

export type Flow<Api> = ImportFlow<Api> | StockExportFlow<Api> | ReportFlow<Api, 'delivery-report'> | ReportFlow<Api, 'receipt-report'>;

/** What an import flow writes, by flow. */
export const importTargets = {
  'article-import': 'article',
  'order-import': 'order',
  'purchase-order-import': 'purchaseOrder',
  'supplier-import': 'supplier',
} as const;
