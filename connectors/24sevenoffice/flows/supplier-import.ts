import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { Company } from '../api.js';
import { newestChange } from '../change-dates.js';
import { companyLabel } from '../client.js';
import type { TwentyFourSevenApi } from '../client.js';
import { companyProperties, toSupplier } from '../mappings/to-supplier.js';

/** Companies of the configured types (all when none is named) as supplier records. */
function supplierRecords(api: TwentyFourSevenApi, items: WireRecord<Company>[]): SourceRecord[] {
  const types = api.settings.supplierCompanyTypes;
  return items.flatMap((item): SourceRecord[] => {
    const label = companyLabel(item.raw);
    if (!item.ok) return [{ externalId: rawText(item.raw, 'Id') ?? '(no id)', label, source: item.raw, issues: item.issues }];
    if (types.length > 0 && !types.includes(item.value.Type ?? 'None')) return [];
    return [{ externalId: String(item.value.Id), label, source: item.value }];
  });
}

export const supplierImport: ImportFlow<TwentyFourSevenApi> = {
  kind: 'import',
  id: 'supplier-import',
  description: 'Companies (of the supplier types) changed in 24SevenOffice since the last run',
  // The seed: "This setting is switched off by default."
  enabledByDefault: false,
  mapping: toSupplier,
  async *fetch(api, { since, signal }) {
    const items = await api.companies({ ...(since ? { changedAfter: since } : {}), properties: companyProperties }, signal);
    const cursor = newestChange(items.map((item) => item.raw));
    yield { records: supplierRecords(api, items), ...(cursor ? { cursor } : {}) };
  },
  async fetchByIds(api, externalIds, signal) {
    const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
    return ids.length === 0 ? [] : supplierRecords(api, await api.companies({ ids, properties: companyProperties }, signal));
  },
};
