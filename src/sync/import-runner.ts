import type { ImportFlow, SourceRecord } from '../connectors/sdk/flows.js';
import { importTargets } from '../connectors/sdk/flows.js';
import type { WebhookDelivery } from '../connectors/sdk/webhooks.js';
import { safeParseRecord, toFieldIssues } from '../domain/index.js';
import { configError, isWmsyncError } from '../kernel/errors.js';
import type { FieldIssue } from '../kernel/errors.js';
import { applyMapping } from '../mapping/index.js';
import type { MappingTable } from '../mapping/index.js';
import type { EngineDeps, FlowRun } from './flow-run.js';
import type { Link } from './links.js';
import { readAhead } from './read-ahead.js';
import type { RecordOutcome } from './runs.js';
import type { UpsertOutcome } from '../wms/port.js';
import { recordHash, targets } from './targets.js';

/** Writes one batch of source records of a run, wherever they came from. */
export type RecordImporter = (records: SourceRecord[]) => Promise<void>;

/**
 * map → validate → skip if unchanged → upsert → link, for the records of one run: a page of a
 * poll, a retry by id, or a webhook's delivery. Every record's outcome goes on the run; a failed
 * record waits in `record_failures` (fetched again by id next run), one that went in leaves it.
 * The first records of a run are kept as samples, so that a mapping change can be previewed on them.
 */
export function recordImporter(deps: EngineDeps, run: FlowRun<ImportFlow<unknown>>, mapping: MappingTable): RecordImporter {
  const { integration, flow, recorder, signal } = run;
  const kind = importTargets[flow.id];
  const target = targets[kind];
  let sampled = false;

  /** A record mapped, checked and changed since its link: what the WMS is to write. */
  interface ToWrite {
    base: { record: string; externalId: string };
    record: Record<string, unknown>;
    hash: string;
    link: Link | undefined;
  }
  const fail = (base: ToWrite['base'], issues: FieldIssue[]): RecordOutcome => ({ ...base, outcome: 'failed', issues });
  /** A refusal of this record by the WMS is this record's failure; anything else stops the run. */
  const refused = (base: ToWrite['base'], e: unknown): RecordOutcome => {
    if (isWmsyncError(e) && e.kind === 'record') return fail(base, e.details.length ? e.details : [{ record: base.record, field: '(record)', reason: e.message }]);
    throw e;
  };

  /** map → validate → skip if unchanged (or cancel): the record's outcome, or what is to be written. */
  const prepare = async (source: SourceRecord, link: Link | undefined): Promise<RecordOutcome | ToWrite> => {
    const base = { record: source.label, externalId: source.externalId };
    if (source.issues?.length) return fail(base, source.issues);
    try {
      if (source.action === 'cancel') {
        // A cancellation of something never imported needs nothing.
        if (!link || !target.cancel) return { ...base, outcome: 'unchanged' };
        const result = await target.cancel(deps.wms, integration.goodsOwner, link.wmsKey);
        return result.outcome === 'locked'
          ? { ...base, outcome: 'locked', issues: [{ record: source.label, field: 'status', reason: `cancellation not applied: ${result.reason}` }] }
          : { ...base, outcome: result.outcome === 'cancelled' ? 'cancelled' : 'unchanged' };
      }
      const mapped = applyMapping(mapping, source.source, { record: source.label, settings: integration.resolved });
      if (!mapped.ok) return fail(base, mapped.error);
      const parsed = safeParseRecord(target.schema, mapped.value);
      if (!parsed.success) return fail(base, toFieldIssues(source.label, mapped.value, parsed.error.issues));
      const hash = recordHash(parsed.data);
      if (link?.hash === hash) return { ...base, outcome: 'unchanged' };
      return { base, record: parsed.data, hash, link };
    } catch (e) {
      return refused(base, e);
    }
  };

  /** The outcome of a write, and the link it leaves. */
  const written = (w: ToWrite, result: UpsertOutcome, links: Link[]): RecordOutcome => {
    if (result.outcome === 'locked') {
      // The record is in the WMS, only past changing: without a link (an import cut off between
      // the write and the link), the warehouse's report on it would find no one to tell. The
      // empty hash keeps the change itself pending.
      if (!w.link) links.push({ externalId: w.base.externalId, wmsKey: target.key(w.record), hash: '' });
      return { ...w.base, outcome: 'locked', issues: [{ record: w.base.record, field: 'status', reason: result.reason }] };
    }
    links.push({ externalId: w.base.externalId, wmsKey: target.key(w.record), hash: w.hash });
    return { ...w.base, outcome: result.outcome === 'cancelled' ? 'cancelled' : result.outcome };
  };
  const writeOne = async (w: ToWrite, links: Link[]): Promise<RecordOutcome> => {
    try {
      return written(w, await target.upsert(deps.wms, integration.goodsOwner, w.record), links);
    } catch (e) {
      return refused(w.base, e);
    }
  };
  /**
   * Where the target and the WMS write many records in one call (into the embedded WMS: a few
   * statements a page), a page is prepared whole, then written at once; a refusal of one record
   * in such a call is found by writing them one by one. A page with a cancellation, or with a
   * record twice, is prepared and written record by record, so that each change keeps its order.
   */
  const writePage = async (records: SourceRecord[], links: Map<string, Link>, newLinks: Link[]): Promise<RecordOutcome[]> => {
    const outcomes: RecordOutcome[] = [];
    const inOneCall = records.every((r) => r.action !== 'cancel') && new Set(records.map((r) => r.externalId)).size === records.length;
    const upsertMany = inOneCall ? target.upsertMany : undefined;
    if (!upsertMany) {
      for (const source of records) {
        const prepared = await prepare(source, links.get(source.externalId));
        outcomes.push('hash' in prepared ? await writeOne(prepared, newLinks) : prepared);
      }
      return outcomes;
    }
    const prepared: (RecordOutcome | ToWrite)[] = [];
    for (const source of records) prepared.push(await prepare(source, links.get(source.externalId)));
    const toWrite = prepared.filter((p): p is ToWrite => 'hash' in p);
    let results: UpsertOutcome[] | undefined;
    try {
      // Undefined where this goods owner's WMS writes one at a time.
      if (toWrite.length) results = await upsertMany(deps.wms, integration.goodsOwner, toWrite.map((w) => w.record));
    } catch (e) {
      if (!isWmsyncError(e) || e.kind !== 'record') throw e;
    }
    let i = 0;
    for (const p of prepared) {
      if (!('hash' in p)) outcomes.push(p);
      else outcomes.push(results ? written(p, results[i++]!, newLinks) : await writeOne(p, newLinks));
    }
    return outcomes;
  };

  return async (records) => {
    signal.throwIfAborted();
    if (!sampled && records.length > 0) {
      await deps.samples.keep(integration.id, flow.id, records);
      sampled = true;
    }
    const links = await deps.links.find(integration.id, kind, records.map((r) => r.externalId));
    const newLinks: Link[] = [];
    const succeeded: string[] = [];
    for (const [i, outcome] of (await writePage(records, links, newLinks)).entries()) {
      const source = records[i]!;
      recorder.add(outcome);
      if (outcome.outcome === 'failed') await deps.failures.record(integration.id, flow.id, source.externalId, source.label, outcome.issues ?? []);
      else succeeded.push(source.externalId);
    }
    // A crash before this line re-reads the page: the WMS then answers "unchanged" and the links follow.
    await deps.links.saveMany(integration.id, kind, newLinks);
    await deps.failures.clear(integration.id, flow.id, succeeded);
    await recorder.flush();
  };
}

/** Reads records by id, 100 a request, and writes them: retries of failed records and webhooks' "these changed". */
async function importByIds(run: FlowRun<ImportFlow<unknown>>, importRecords: RecordImporter, externalIds: string[]): Promise<void> {
  const { flow, api, signal } = run;
  if (!flow.fetchByIds) throw configError(`${run.integration.connector.displayName}'s ${flow.id} cannot fetch records by id`);
  for (let i = 0; i < externalIds.length; i += 100) await importRecords(await flow.fetchByIds(api, externalIds.slice(i, i + 100), signal));
}

/**
 * fetch → write, page by page. The cursor of a page (or the walk position, for lists not sorted
 * by time) is committed after its records are written: a crash re-reads that page, and the links
 * make the second pass report "unchanged". Records that failed before are retried first, by id.
 */
export async function runImport(deps: EngineDeps, run: FlowRun<ImportFlow<unknown>>, mapping: MappingTable, retryOnly?: string[] | 'all'): Promise<void> {
  const { integration, flow, api, signal } = run;
  const importRecords = recordImporter(deps, run, mapping);

  const failed = (await deps.failures.list({ integrationId: integration.id, flow: flow.id })).map((f) => f.externalId);
  const retries = Array.isArray(retryOnly) ? failed.filter((id) => retryOnly.includes(id)) : failed;
  if (retries.length && flow.fetchByIds) await importByIds(run, importRecords, retries);
  // A retry by hand stops here; a scheduled or manual run goes on with what changed.
  if (retryOnly) return;

  const { format, commit } = { format: 'timestamp' as const, commit: 'per-page' as const, ...flow.cursor };
  const cursor = await deps.cursors.get(integration.id, flow.id);
  // Only a time can be moved back by the overlap; an id or a token is handed back as stored.
  const since = cursor && format === 'timestamp' ? new Date(Date.parse(cursor) - integration.overlapMinutes * 60_000) : undefined;
  const resumeFrom = await deps.cursors.walkPosition(integration.id, flow.id);
  const held: string[] = [];
  const request = { since, signal, ...(cursor === undefined ? {} : { cursor }), ...(resumeFrom === undefined ? {} : { resumeFrom }) };
  // A page's records, links, outcomes and cursor commit together where the WMS can (ADR 0022):
  // a crash then leaves no half-written page. The next page is fetched meanwhile.
  const batch = <T>(work: () => Promise<T>): Promise<T> => (deps.wms.writeBatch ? deps.wms.writeBatch(integration.goodsOwner, work) : work());
  for await (const page of readAhead(flow.fetch(api, request))) {
    await batch(async () => {
      await importRecords(page.records);
      if (page.cursor && commit === 'per-page') await deps.cursors.advance(integration.id, flow.id, page.cursor, format);
      if (page.cursor && commit === 'after-run') held.push(page.cursor);
      if (page.position) await deps.cursors.keepWalkPosition(integration.id, flow.id, page.position);
    });
  }
  // A list not sorted by its cursor is only safe to continue from once the whole walk is written;
  // then each page's cursor is offered in turn, and the cursor keeps the furthest.
  for (const reached of held) await deps.cursors.advance(integration.id, flow.id, reached, format);
  await deps.cursors.endWalk(integration.id, flow.id);
}

/**
 * Writes what a webhook delivered: its records as given, or the current version of the ids it
 * named. No cursor moves: the poll still reads everything, so a lost webhook costs only time.
 */
export async function importDelivery(deps: EngineDeps, run: FlowRun<ImportFlow<unknown>>, mapping: MappingTable, delivery: WebhookDelivery): Promise<void> {
  const importRecords = recordImporter(deps, run, mapping);
  if ('records' in delivery) await importRecords(delivery.records);
  else await importByIds(run, importRecords, delivery.externalIds);
}
