import { createMycashflowSandbox } from '../connectors/mycashflow/sandbox/server.js';
import { authHeader } from '../connectors/mycashflow/sandbox/test-helpers.js';
import { createProcountorSandbox } from '../connectors/procountor/sandbox/server.js';
import { apiKeyGrant, formPost } from '../connectors/procountor/sandbox/test-helpers.js';

/**
 * How long the simulators take to build a large shop and to serve a page deep in it: a test that
 * imports from them must not wait on the simulator. Measured here, not asserted in the suite,
 * where a loaded machine would make any bound flaky.
 */
export async function sandboxScale(): Promise<{ system: string; records: string; buildMs: number; pageMs: number }[]> {
  const now = () => new Date('2025-03-01T12:00:00Z');
  const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };
  const served = async (response: Response | Promise<Response>) => {
    const answer = await response;
    if (!answer.ok) throw new Error(`the sandbox answered ${answer.status}`);
    return answer;
  };
  const [mycashflow, mycashflowBuild] = await time(() => createMycashflowSandbox({ products: 100_000, orders: 100_000, now, rateLimit: { perSecond: 0, burst: 1 } }));
  const [, mycashflowPage] = await time(() => served(mycashflow.fetch(new Request('http://sandbox/api/v1/orders?sort=updated_at-desc&page=1000&page_size=50&expand=products', { headers: { authorization: authHeader } }))));
  const [procountor, procountorBuild] = await time(() => createProcountorSandbox({ invoices: 10_000, products: 2000, now }));
  const token = ((await (await procountor.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string }).access_token;
  const [, procountorPage] = await time(() => served(procountor.app.request('/api/invoices?types=SALES_ORDER&orderById=ASC&page=20&size=200', { headers: { authorization: `Bearer ${token}` } })));
  return [
    { system: 'MyCashflow', records: '100,000 products and 100,000 orders', buildMs: mycashflowBuild, pageMs: mycashflowPage },
    { system: 'Procountor', records: '10,000 invoices and 2,000 products', buildMs: procountorBuild, pageMs: procountorPage },
  ];
}
