import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import type { SpecterApi } from './api.js';
import { specter } from './connector.js';
import { inProcessApi, signal, testSandbox } from './fixtures/in-process.js';
import { sandboxCredentials } from './sandbox/server.js';

const md5 = (text: string) => createHash('md5').update(text, 'latin1').digest('hex');
const drain = async (api: SpecterApi) => {
  const articles: string[] = [];
  for await (const page of api.articleBatches(signal)) articles.push(...page.map((item) => (item.ok ? item.value.articleNo : '?')));
  return articles;
};

describe('signing', () => {
  it('sends key = md5(md5key2 + md5(ApiUserKey + sbmId + batchNo)) with sbmId and apiUserId in the query', async () => {
    const sandbox = testSandbox();
    await drain(inProcessApi(sandbox));
    const [first] = sandbox.recorder.requests;
    const query = new URL(`http://x${first!.path}?${new URLSearchParams(first!.query as Record<string, string>)}`).searchParams;
    const { sbmId, apiUserKey, md5key2 } = sandboxCredentials;
    expect(query.get('Action')).toBe('getArticleInfoExternalNeedUpdate');
    expect(query.get('sbmId')).toBe(sbmId);
    expect(query.get('apiUserId')).toBe('wmsync');
    expect(query.get('key')).toBe(md5(md5key2 + md5(apiUserKey + sbmId + query.get('batchNo'))));
  });

  it('is refused as Specter refuses a wrong key: a config error, nothing imported', async () => {
    const sandbox = testSandbox();
    const error = await drain(inProcessApi(sandbox, { md5key2: 'not-the-key' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', message: expect.stringContaining('Specter refused the key') });
    expect(sandbox.store.needUpdate.size).toBe(sandbox.store.articles.size);
  });

  it('signs with md5key1 when told, and says so when that secret is missing', async () => {
    expect(() => inProcessApi(testSandbox(), { signingInnerKey: 'md5key1' })).toThrow(expect.objectContaining({ kind: 'config', message: expect.stringContaining('md5key1') }));
    const sandbox = testSandbox({ account: { innerKey: 'v1-inner' } });
    expect((await drain(inProcessApi(sandbox, { signingInnerKey: 'md5key1', md5key1: 'v1-inner' }))).length).toBe(sandbox.store.articles.size);
  });

  it('form-encodes and hashes in Latin-1, as the PHP clients do; in UTF-8 a Latin-1 account reads another article number', async () => {
    const sandbox = testSandbox();
    sandbox.store.putArticle({ ...sandbox.store.articles.get('SP-1001')!, articleNo: 'ÅR-77' });
    sandbox.store.stock.get('1')!.set('ÅR-77', 1);
    await inProcessApi(sandbox).setStock('ÅR-77', 9, signal);
    expect(sandbox.store.stock.get('1')!.get('ÅR-77')).toBe(9);
    expect(sandbox.recorder.requests.at(-1)!.body).toContain('articleNo_1=%C5R-77');
    // The key still matches (both sides hash the same bytes), but the bytes spell "Ã\u0085R-77".
    await expect(inProcessApi(sandbox, { signingCharset: 'utf8' }).setStock('ÅR-77', 10, signal)).rejects.toMatchObject({ kind: 'record', message: expect.stringContaining('Unknown article') });
  });
});

describe('the article NeedUpdate feed', () => {
  it('acknowledges a batch only when the next is asked for, and the last one at the end', async () => {
    const sandbox = testSandbox();
    const pages = inProcessApi(sandbox).articleBatches(signal)[Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.value).toHaveLength(7);
    // Handed out, not yet written by the engine: still open and flagged.
    expect(sandbox.store.openBatch).toBeDefined();
    expect(sandbox.store.needUpdate.size).toBe(40);
    await pages.next();
    expect(sandbox.store.needUpdate.size).toBe(33);
    while (!(await pages.next()).done);
    expect(sandbox.store.needUpdate.size).toBe(0);
    expect(sandbox.store.openBatch).toBeUndefined();
  });

  it('reads the batch a stopped run left open again (code 99), then goes on', async () => {
    const sandbox = testSandbox();
    const stopped = inProcessApi(sandbox).articleBatches(signal)[Symbol.asyncIterator]();
    const left = (await stopped.next()).value!.map((item: { ok: boolean; value?: { articleNo: string } }) => item.value?.articleNo);
    await stopped.return?.(undefined);
    const again = await drain(inProcessApi(sandbox));
    expect(again.slice(0, 7)).toEqual(left);
    expect(new Set(again).size).toBe(40);
    const refusals = sandbox.recorder.requests.filter((r) => (r.query as Record<string, string>).batchNo && r.status === 200);
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('keeps an article changed while its batch was open flagged after the acknowledgement', async () => {
    const sandbox = testSandbox({ articles: 3 });
    const pages = inProcessApi(sandbox).articleBatches(signal)[Symbol.asyncIterator]();
    await pages.next();
    sandbox.store.putArticle({ ...sandbox.store.articles.get('SP-1002')!, name: 'Ändrad' });
    while (!(await pages.next()).done);
    expect([...sandbox.store.needUpdate.keys()]).toEqual(['SP-1002']);
  });

  it("reads the verified answer shape: S2's attributes and elements, decimal commas", async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><SBM><articles><article buyPrice="12,50" priceExclVat="99,00" barCode="7350000000001" productWeight="0,250">' +
      '<articleNo>00123</articleNo><name>Mugg blå</name></article></articles><responseMaxLimit>500</responseMaxLimit></SBM>';
    const fetch: typeof globalThis.fetch = async () => new Response(xml, { headers: { 'content-type': 'text/xml' } });
    const api = specter.createApi(testApiContext({ settings: { baseUrl: 'https://api.specter.se/', ...sandboxCredentials }, fetch })) as SpecterApi;
    const pages = [];
    for await (const page of api.articleBatches(signal)) pages.push(...page);
    expect(pages).toEqual([{ ok: true, raw: expect.anything(), value: { articleNo: '00123', name: 'Mugg blå', buyPrice: '12,50', priceExclVat: '99,00', barCode: '7350000000001', weight: '0,250' } }]);
  });
});

describe('wire names', () => {
  it('reads a field under the name an integration gives it', async () => {
    const sandbox = testSandbox();
    const [order] = sandbox.store.orders.values();
    const item = await inProcessApi(sandbox, { wireNames: 'order.customerReference=reference' }).order(order!.orderNo, signal);
    expect(item?.ok && item.value.customerReference).toBe(order!.reference);
  });

  it('refuses a name the connector does not use, naming it', () => {
    const error = (() => {
      try {
        inProcessApi(testSandbox(), { wireNames: 'order.colour=färg' });
      } catch (e) {
        return e as { kind: string; details: { field: string; reason: string }[] };
      }
    })();
    expect(error?.kind).toBe('config');
    expect(error?.details).toContainEqual(expect.objectContaining({ field: expect.stringContaining('wireNames'), reason: expect.stringContaining('not a name this connector uses') }));
  });
});
