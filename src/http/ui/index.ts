import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { verifyCsrf } from './csrf.js';
import type { UiDeps } from './deps.js';
import { errorPage } from './error-page.js';
import { integrationActions } from './integration-actions.js';
import { integrationDetailPage } from './integration-detail.js';
import { integrationNewPage } from './integration-new.js';
import { integrationsListPage } from './integrations-list.js';
import { liveEvents } from './live.js';
import { mappingEditorPage } from './mapping-editor.js';
import { runPage } from './run-page.js';
import { wmsRegisterPages } from './wms-articles.js';
import { wmsIndexPage } from './wms-frame.js';
import { wmsOrderActions } from './wms-order-actions.js';
import { wmsOrderPage } from './wms-order-page.js';
import { wmsOrdersPage } from './wms-orders.js';
import { wmsPurchaseOrderPages } from './wms-purchase-orders.js';
import { wmsStockPage } from './wms-stock.js';
import { auditPage } from './audit-page.js';
import { goodsOwnerWmsPage } from './goods-owner-wms.js';
import { goodsOwnersPage } from './goods-owners-page.js';
import { usersPages } from './users-page.js';

/** Where the admin UI lives; everything under these paths needs a signed-in user. */
export const uiPaths = ['/', '/integrations/*', '/runs/*', '/wms', '/wms/*', '/ui/events', '/admin/*', '/audit-log'] as const;

/**
 * The admin UI: server-rendered pages over the sync services and the WMS port. `guards` run
 * first on every page: sign-in (a redirect for anonymous visitors) and the record guard; every page
 * and action also checks the goods owner it touches, so hiding a link is never the only guard.
 */
export function adminUi(deps: UiDeps, guards: MiddlewareHandler[]) {
  const ui = new Hono();
  ui.onError(errorPage(deps.logger));
  for (const path of uiPaths) {
    ui.use(path, ...guards);
    ui.use(path, verifyCsrf);
  }
  for (const pages of [
    integrationsListPage,
    integrationNewPage,
    integrationDetailPage,
    integrationActions,
    mappingEditorPage,
    runPage,
    wmsIndexPage,
    wmsRegisterPages,
    wmsOrdersPage,
    wmsOrderPage,
    wmsOrderActions,
    wmsPurchaseOrderPages,
    wmsStockPage,
    liveEvents,
    usersPages,
    goodsOwnersPage,
    goodsOwnerWmsPage,
    auditPage,
  ]) {
    ui.route('/', pages(deps));
  }
  return ui;
}
