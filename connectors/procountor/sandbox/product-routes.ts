import { Hono } from 'hono';
import type { Faults } from '../../../src/connectors/sandbox/index.js';
import { productTypes } from '../api.js';
import type { Product } from '../api.js';
import { ApiError } from './errors.js';
import { batchResponse, boolParam, cursorPage, datetimeParam, enumListParam, intListParam, intParam, orderParam, searchMeta } from './query.js';
import { serializeProduct } from './serialize.js';
import type { ProcountorStore } from './store.js';

/** Which answer `GET /products` gives: `{results, meta}` now, `{products}` in older versions [V P-OAS, P-HELP]. */
export type ProductResultShape = 'results' | 'products';

export interface ProductRouteContext {
  store: ProcountorStore;
  faults: Faults;
  resultShape: () => ProductResultShape;
}

/** `GET /products` (search) and `GET /products/{id,id,…}` [V P-OAS]. */
export function productRoutes({ store, faults, resultShape }: ProductRouteContext): Hono {
  const api = new Hono();
  const serialize = (includeLocalizations: boolean) => (product: Product) => {
    return serializeProduct(product, includeLocalizations, faults.corrupts('products', store.products.size, product.id));
  };

  api.get('/products', (c) => {
    const size = intParam(c, 'size', { min: 1, max: 200, fallback: 50 });
    const previousId = intParam(c, 'previousId', { min: 0, fallback: 0 });
    // Without `type` the search returns SALES and PURCHASE products, never TRAVEL [V P-OAS].
    const types = enumListParam(c, 'type', productTypes) ?? ['SALES', 'PURCHASE'];
    const name = c.req.query('name')?.toLowerCase();
    const code = c.req.query('code')?.toLowerCase();
    if (code && code.length > 40) throw new ApiError(400, 'Maximum length is 40', 'code');
    const groups = intListParam(c, 'group');
    const active = boolParam(c, 'active');
    const order = orderParam(c, { id: 'orderById', version: 'orderByVersion' }, { by: 'id', descending: false });
    // Substring matches, case-insensitive [V P-OAS "substring"; G: case].
    const matches = (p: Product) =>
      types.includes(p.type) &&
      (!name || p.name.toLowerCase().includes(name)) &&
      (!code || (p.code ?? '').toLowerCase().includes(code)) &&
      (!groups || (p.productGroupId != null && groups.includes(p.productGroupId))) &&
      (active === undefined || p.active === active);
    const { items, total } = cursorPage(
      store.products,
      {
        sort: order.by === 'id' ? 'id' : 'updated', descending: order.descending,
        updatedFrom: datetimeParam(c, 'versionStartDate'), updatedTo: datetimeParam(c, 'versionEndDate'),
      },
      (e) => matches(e.value),
      { previousId, offset: 0, limit: size },
    );
    const results = items.map(serialize(boolParam(c, 'includeLocalizations') ?? false));
    if (resultShape() === 'products') return c.json({ products: results });
    return c.json({ results, meta: searchMeta(0, size, results.length, total) });
  });

  api.get('/products/:ids', (c) =>
    batchResponse(c, c.req.param('ids'), (id) => {
      const product = store.product(id);
      return product && serialize(boolParam(c, 'includeLocalizations') ?? false)(product);
    }, 'Product'),
  );
  return api;
}
