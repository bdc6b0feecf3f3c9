import { describe, expect, it } from 'vitest';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import type { TwentyFourSevenApi } from './client.js';
import { twentyFourSevenOffice } from './connector.js';
import { sandboxCredential } from './sandbox/server.js';

/** The settings as the api is built from them: the seed's defaults, the spellings a person uses, refusals by name. */
const build = (settings: Record<string, unknown>) =>
  twentyFourSevenOffice.createApi(testApiContext({ settings: { baseUrl: 'https://api.24sevenoffice.com', ...sandboxCredential, ...settings }, fetch })) as TwentyFourSevenApi;

describe('24SevenOffice settings', () => {
  it("has the seed's defaults", () => {
    expect(build({}).settings).toMatchObject({
      variations: false, orderStatus: 'Confirmed', notifyFulfilledOrders: true, reportOn: 'sent', sentStatus: 'OrderState_Sent', updateStatusOnImport: false, importedStatus: 'Pack',
      extraOrderFields: [], extraRowFields: [], extraProductFields: [], supplierCompanyTypes: ['Supplier'], rateLimitPerSecond: 2, rateLimitBurst: 5,
    });
  });

  it('reads statuses in any case, "Sent" as OrderState_Sent, and extra fields in their WSDL spelling', () => {
    expect(build({ orderStatus: 'pack', sentStatus: 'Sent', extraRowFields: 'price, discountrate', supplierCompanyTypes: 'supplier,Business' }).settings).toMatchObject({
      orderStatus: 'Pack', sentStatus: 'OrderState_Sent', extraRowFields: ['Price', 'DiscountRate'], supplierCompanyTypes: ['Supplier', 'Business'],
    });
  });

  it('refuses a wrong value by name, never echoing a secret', () => {
    expect(() => build({ orderStatus: 'Shipped', password: 'hunter2-secret' })).toThrow(expect.objectContaining({ kind: 'config', details: [expect.objectContaining({ field: 'orderStatus', value: 'Shipped' })] }));
    expect(() => build({ applicationId: 'not-a-guid' })).toThrow(expect.objectContaining({ details: [expect.not.objectContaining({ value: 'not-a-guid' })] }));
    expect(() => build({ username: 'not-an-email' })).toThrow(/settings are not valid/);
  });

  it('says plainly that variations cannot be served', () => {
    expect(() => build({ variations: 'yes' })).toThrow(expect.objectContaining({ kind: 'config', message: expect.stringMatching(/^24SevenOffice products have no variations/) }));
  });
});
