import { describe, expect, it } from 'vitest';
import { openTestStore, postgresUrl } from '../../test/support/stores.js';

describe.skipIf(!postgresUrl())('the store on PostgreSQL', () => {
  it('migrates a schema while another schema of the same database holds its own migration tables', async () => {
    const first = await openTestStore('postgres');
    try {
      const second = await openTestStore('postgres');
      expect(await second.db.selectFrom('goods_owners').selectAll().execute()).toEqual([]);
      await second.drop();
    } finally {
      await first.drop();
    }
  });
});
