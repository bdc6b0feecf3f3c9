import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { specterKey, specterParams, specterSecrets, specterSigning } from './specter-signing.js';
import type { AuthRequest } from './strategy.js';

const md5 = (text: string, charset: 'latin1' | 'utf8' = 'latin1') => createHash('md5').update(text, charset).digest('hex');
const expected = (seed: string, charset: 'latin1' | 'utf8' = 'latin1') => md5(`outer${md5(`inner4711${seed}`, charset)}`, charset);

const signing = specterSigning({ sbmId: '4711', apiUserId: '9', innerKey: 'inner', outerKey: 'outer' });
const get = (query: string): AuthRequest => ({ method: 'GET', url: new URL(`https://api.specter.se/getInfo.asp?${query}`), body: undefined });
const post = (query: string, body: string): AuthRequest => ({ method: 'POST', url: new URL(`https://api.specter.se/putInfo.asp?${query}`), body });

describe('specterKey', () => {
  it('is md5(outer + md5(inner + sbmId + seed)) in lower-case hex', () => {
    expect(specterKey('inner', 'outer', '4711', 'B-1')).toBe(expected('B-1'));
    expect(specterKey('inner', 'outer', '4711', 'B-1')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('specterSigning', () => {
  it('signs a NeedUpdate batch and its acknowledgement with the batch number, adding sbmId and apiUserId', async () => {
    for (const action of ['getArticleInfoExternalNeedUpdate', 'updateOrdersFromBatch']) {
      expect(await signing.query?.(get(`Action=${action}&batchNo=b42&useXML=2`))).toEqual({ sbmId: '4711', apiUserId: '9', key: expected('b42') });
    }
  });

  it('signs the verified writes with their seeds from the form body', async () => {
    expect((await signing.query?.(post('action=newOrderSubmit', 'customerId=1001&noOfItems_1=2')))?.key).toBe(expected('1001'));
    expect((await signing.query?.(post('action=newArticleSubmit', 'articleNo_1=ABC-1&articleNo_2=X')))?.key).toBe(expected('ABC-1'));
    const company = 'customerOrganizationalForm=C&name=Kaffe+%26+Co';
    expect((await signing.query?.(post('action=newCustomerSubmit', company)))?.key).toBe(expected('Kaffe & Co'));
    // A person's name, sent in Latin-1 as the PHP clients send it: %E5 is å.
    const person = 'customerOrganizationalForm=P&firstName=P%E5l&surName=Str%F6m';
    expect((await signing.query?.(post('action=newCustomerSubmit', person)))?.key).toBe(expected('Pål Ström'));
  });

  it('reads UTF-8 when told so, and takes configured seeds for the guessed actions', async () => {
    const utf8 = specterSigning({
      sbmId: '4711',
      innerKey: 'inner',
      outerKey: 'outer',
      charset: 'utf8',
      seeds: { deliverysubmit: (p) => p.get('orderNo') },
    });
    expect(await utf8.query?.(post('action=deliverySubmit&orderNo=10452', 'trackingNo=JJ1'))).toEqual({ sbmId: '4711', key: expected('10452', 'utf8') });
    expect((await utf8.query?.(post('action=newCustomerSubmit', 'customerOrganizationalForm=C&name=P%C3%A5l')))?.key).toBe(expected('Pål', 'utf8'));
  });

  it('refuses to sign an action without a known seed, a missing seed or no action', () => {
    expect(() => signing.query?.(get('Action=getOrders&deliveryStatus=N'))).toThrow('Specter action getorders: its signing seed is not known; give it in the seeds option');
    expect(() => signing.query?.(post('action=newOrderSubmit', 'currency=SEK'))).toThrow('the parameter its key is signed with is missing');
    expect(() => signing.query?.(get('batchNo=1'))).toThrow('a request without an action cannot be signed');
  });
});

describe('specterSecrets and specterParams', () => {
  it('prefers the v2 keys and falls back to md5key1 and md5key2', () => {
    expect(specterSecrets({ apiUserKey: 'u', integrationKey: 'i', md5key1: 'a', md5key2: 'b' })).toEqual({ innerKey: 'u', outerKey: 'i' });
    expect(specterSecrets({ md5key1: 'a', md5key2: 'b' })).toEqual({ innerKey: 'a', outerKey: 'b' });
    expect(() => specterSecrets({ md5key1: 'a' })).toThrow(/needs ApiUserKey/);
  });

  it('merges query and body, the body last', () => {
    expect([...specterParams(post('action=x&a=1', 'a=2&flag'))]).toEqual([['action', 'x'], ['a', '2'], ['flag', '']]);
  });
});
