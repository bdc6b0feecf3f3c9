/**
 * `npm run bench`: writes docs/benchmarks.md, one section per scenario. The import cost against a
 * hand-written loop (bench/import-cost.ts), the lag with the scheduler running, the report lag
 * with workers on PostgreSQL and SQLite (bench/report-lag.ts), the simulators at
 * scale, writes into Ongoing WMS, mystore.no webhooks, take-over, fair shares and the API under
 * load. BENCH_SIZES=10000 narrows the import sizes; BENCH_SECTIONS=import,lag runs only those
 * sections and keeps the others' figures as they are in the file.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { sandboxScale } from './sandbox-scale.js';
import { ongoingWrites, ongoingWritesSection } from './ongoing-writes.js';
import { mystoreWebhookLatency, webhookSection, webhookSectionTitle } from './mystore-webhooks.js';
import { takeoverScenario, takeoverSection } from './takeover.js';
import { loadScenario, loadSection } from './load.js';
import { fairShareScenario, fairShareSection } from './fair-shares.js';
import { importCost, importCostSection } from './import-cost.js';
import { reportLag, reportLagSection } from './report-lag.js';
import { keptSection } from './kept-section.js';
import { hub } from './hub.js';
import { control, startSandbox } from './mycashflow-sandbox.js';

const file = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

/** With the scheduler running: a change in the shop, and a shipment in the WMS, until each arrives. */
async function lagScenario() {
  const sandbox = await startSandbox(300, 0);
  const h = await hub(sandbox.url, { intervalMinutes: '1' });
  const scheduler = h.sync.createScheduler({ tickMs: 1000, concurrency: 2 });
  const waitFor = async (check: () => Promise<boolean> | boolean) => {
    while (!(await check())) await new Promise((r) => setTimeout(r, 100));
  };
  try {
    scheduler.start();
    await waitFor(async () => (await h.wms.listOrders('BENCH', { limit: 1000 })).items.length === sandbox.openOrders);
    // The shop changes an order: it reaches the WMS on the next scheduled order import.
    const changedAt = performance.now();
    await control(sandbox, 'PATCH', `/orders/${sandbox.someOpenOrder}`, { comments: [{ visibility: 'public', text: 'Please ring twice' }] });
    await waitFor(async () => (await h.wms.getOrder('BENCH', String(sandbox.someOpenOrder))).orderInfo.orderRemark?.includes('Please ring twice') === true);
    const importLag = (performance.now() - changedAt) / 1000;
    // The warehouse ships an order: the report goes out on the next tick.
    await control(sandbox, 'DELETE', '/requests');
    const shippedAt = performance.now();
    await h.wms.setOrderStatus('BENCH', String(sandbox.processableOrder), { status: 450, waybill: 'JJFI-BENCH' });
    await waitFor(async () => (await control(sandbox, 'GET', '/requests')).data.some((r: { path: string }) => r.path.endsWith('/quick-process')));
    const reportLag = (performance.now() - shippedAt) / 1000;
    return `## Lag, with the scheduler running

| what | seconds | how |
|---|---|---|
| an order changed in the shop, until the WMS has it | ${importLag.toFixed(1)} | scheduled order import, interval 1 minute (default 15): the lag is at most the interval plus one run |
| an order shipped in the WMS, until the shop is told (quick-process) | ${reportLag.toFixed(1)} | report flows run on the next scheduler tick (1 s) after the shipment |
`;
  } finally {
    await scheduler.stop();
    await h.close();
    sandbox.close();
  }
}

async function simulatorsSection() {
  const simulators = await sandboxScale();
  return `## The simulators at scale

In process, no HTTP: the time to build a shop, and to serve one page deep in it.

| sandbox | shop | build ms | page ms |
|---|---|---|---|
${simulators.map((s) => `| ${s.system} | ${s.records} | ${Math.round(s.buildMs)} | ${Math.round(s.pageMs)} |`).join('\n')}
`;
}

/** In the file's order; each section's text starts with its heading. */
const sections: { name: string; heading: string; run: () => Promise<string> }[] = [
  { name: 'import', heading: '## Import cost against a hand-written loop', run: async () => importCostSection(await importCost(sizes)) },
  { name: 'lag', heading: '## Lag, with the scheduler running', run: lagScenario },
  { name: 'report-lag', heading: '## Report lag with workers', run: async () => reportLagSection(await reportLag()) },
  { name: 'simulators', heading: '## The simulators at scale', run: simulatorsSection },
  { name: 'ongoing', heading: '## Writes into Ongoing WMS (sandbox)', run: async () => ongoingWritesSection(await ongoingWrites()) },
  { name: 'webhooks', heading: webhookSectionTitle, run: async () => webhookSection(await mystoreWebhookLatency()) },
  { name: 'takeover', heading: '## Take-over after a worker is killed', run: async () => takeoverSection(await takeoverScenario()) },
  { name: 'fair-shares', heading: '## Fair shares', run: async () => fairShareSection(await fairShareScenario()) },
  { name: 'load', heading: '## API under load, beside a large import', run: async () => loadSection(await loadScenario()) },
];
const only = process.env.BENCH_SECTIONS?.split(',');
const texts: string[] = [];
for (const s of sections) {
  const text = only && !only.includes(s.name) ? keptSection(file, s.heading).trim() : (await s.run()).trim();
  if (text) texts.push(text);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1073741824)} GiB, Node ${process.version}, SQLite file`;
writeFileSync(
  file,
  `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}${only ? ` (sections ${only.join(', ')}; the others as measured before)` : ''}. Machine: ${machine}.
Figures are for this machine; compare ratios, not seconds, across machines.

${texts.join('\n\n')}
${keptSection(file, '## Measured by the test suite')}`,
);
console.log('wrote docs/benchmarks.md');
