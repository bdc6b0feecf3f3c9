import { articleSchema, supplierSchema } from '../../domain/index.js';
import { keyedRoutes } from './keyed-routes.js';
import type { RouteDeps } from './shared.js';

/** Articles and suppliers: list, show (articles), create-or-update by key. */
export function articleRoutes({ wms }: RouteDeps) {
  return keyedRoutes({
    collection: 'articles',
    keyParam: 'articleNumber',
    keyOf: (a) => a.articleNumber,
    label: 'article',
    schema: articleSchema,
    list: (owner, o) => wms.listArticles(owner, o),
    get: (owner, key) => wms.getArticle(owner, key),
    put: (owner, record) => wms.upsertArticle(owner, record),
  });
}

export function supplierRoutes({ wms }: RouteDeps) {
  return keyedRoutes({
    collection: 'suppliers',
    keyParam: 'supplierNumber',
    keyOf: (s) => s.supplierNumber,
    label: 'supplier',
    schema: supplierSchema,
    list: (owner, o) => wms.listSuppliers(owner, o),
    put: (owner, record) => wms.upsertSupplier(owner, record),
  });
}
