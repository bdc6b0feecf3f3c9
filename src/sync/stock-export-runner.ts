import type { StockExportFlow } from '../connectors/sdk/flows.js';
import { isWmsyncError } from '../kernel/errors.js';
import { allStockPages } from '../wms/stock-pages.js';
import type { EngineDeps, FlowRun } from './flow-run.js';

/**
 * Compares the WMS stock with the system's and writes only the differences. Never writes a
 * negative number: a WMS that shipped goods never counted in shows below zero, a shop shows 0.
 * Articles the system does not have are left alone (it has no stock item to write to).
 */
export async function runStockExport(deps: EngineDeps, run: FlowRun<StockExportFlow<unknown>>): Promise<void> {
  const { integration, flow, api, recorder, signal } = run;
  for await (const wmsStock of allStockPages(deps.wms, integration.goodsOwner, PAGE)) {
    const wanted = new Map(wmsStock.map((s) => [s.articleNumber, Math.max(0, flow.quantity === 'physical' ? s.physical : s.available)]));
    const articleNumbers = [...wanted.keys()];
    for (let i = 0; i < articleNumbers.length; i += PAGE) {
      signal.throwIfAborted();
      const remote = await flow.readRemote(api, articleNumbers.slice(i, i + PAGE), signal);
      for (const r of remote) {
        const quantity = wanted.get(r.articleNumber);
        if (quantity === undefined) continue;
        const record = `stock of article ${r.articleNumber}`;
        if (r.quantity === quantity) {
          recorder.add({ record, externalId: r.articleNumber, outcome: 'unchanged' });
          continue;
        }
        try {
          await flow.write(api, { articleNumber: r.articleNumber, quantity }, signal);
          recorder.add({ record, externalId: r.articleNumber, outcome: 'updated' });
        } catch (e) {
          if (!isWmsyncError(e) || e.kind !== 'record') throw e;
          recorder.add({ record, externalId: r.articleNumber, outcome: 'failed', issues: [{ record, field: 'quantity', value: quantity, reason: e.message }] });
        }
      }
      await recorder.flush();
    }
  }
}

/** Articles a page of the export compares: one read of the system each. */
const PAGE = 200;
