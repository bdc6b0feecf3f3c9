import { describe, expect, it } from 'vitest';
import type { StockExportFlow } from '../connectors/sdk/flows.js';
import type { StockBalance } from '../domain/index.js';
import type { WmsPort } from '../wms/port.js';
import type { EngineDeps, FlowRun } from './flow-run.js';
import type { RecordOutcome, RunRecorder } from './runs.js';
import { runStockExport } from './stock-export-runner.js';

const balances: StockBalance[] = Array.from({ length: 450 }, (_, i) => ({ articleNumber: `A${String(i).padStart(4, '0')}`, physical: i % 7, available: i % 5 }));

/** A system whose stock equals the WMS's available stock but for every tenth article. */
function exportRun(wms: Partial<WmsPort>) {
  const asked: number[] = [];
  const written: { articleNumber: string; quantity: number }[] = [];
  const outcomes: RecordOutcome[] = [];
  const flow: StockExportFlow<unknown> = {
    kind: 'stock-export',
    id: 'stock-export',
    description: 'test',
    enabledByDefault: true,
    quantity: 'available',
    mapping: [],
    readRemote: async (_api, numbers) => {
      asked.push(numbers.length);
      return numbers.map((n) => ({ articleNumber: n, quantity: Number(n.slice(1)) % 10 === 0 ? 99 : Number(n.slice(1)) % 5 }));
    },
    write: async (_api, stock) => void written.push(stock),
  };
  const recorder = { add: (o: RecordOutcome) => void outcomes.push(o), flush: async () => undefined } as unknown as RunRecorder;
  const run = { integration: { goodsOwner: 'ACME' }, flow, api: {}, recorder, signal: new AbortController().signal } as unknown as FlowRun<StockExportFlow<unknown>>;
  return { go: () => runStockExport({ wms } as EngineDeps, run), asked, written, outcomes };
}

describe('stock export', () => {
  it('reads the WMS stock a page at a time where it can, and writes only the differences', async () => {
    const pages: (string | undefined)[] = [];
    const wms: Partial<WmsPort> = {
      listStock: async () => {
        throw new Error('the export read the whole stock');
      },
      stockPage: async (_owner, { limit, after }) => {
        pages.push(after);
        const rest = balances.filter((b) => after === undefined || b.articleNumber > after);
        const items = rest.slice(0, limit);
        return rest.length > limit ? { items, next: items.at(-1)!.articleNumber } : { items };
      },
    };
    const e = exportRun(wms);
    await e.go();
    expect(pages).toEqual([undefined, 'A0199', 'A0399']);
    expect(e.asked).toEqual([200, 200, 50]);
    expect(e.written).toEqual(balances.filter((_, i) => i % 10 === 0).map((b) => ({ articleNumber: b.articleNumber, quantity: b.available })));
    expect(e.outcomes.filter((o) => o.outcome === 'unchanged')).toHaveLength(405);
  });

  it.each([
    ['has no stockPage', {}],
    ['answers stockPage with undefined (behind the routed port)', { stockPage: async () => undefined }],
  ])('reads a WMS that %s whole, in reads of 200 of the system', async (_how, paging: Partial<WmsPort>) => {
    let reads = 0;
    const e = exportRun({ ...paging, listStock: async () => (reads++, balances) });
    await e.go();
    expect(reads).toBe(1);
    expect(e.asked).toEqual([200, 200, 50]);
    expect(e.written).toHaveLength(45);
  });
});
