import { Hono } from 'hono';
import { isWmsyncError, recordError } from '../../kernel/errors.js';
import type { SetOrderStatus } from '../../wms/port.js';
import { requireStatus } from '../../domain/index.js';
import type { UiDeps } from './deps.js';
import { notice } from './fragments.js';
import { renderOrder } from './wms-order-page.js';
import { ownGoodsOwner, ownerPath } from './wms-frame.js';

/**
 * The warehouse acts on an order through the WMS port, under the goods owner's status rules:
 * shipping writes the "order shipped" event that the scheduler turns into a delivery report.
 */
export function wmsOrderActions(deps: UiDeps) {
  const app = new Hono();
  const { wms } = deps;

  app.post('/wms/:owner/orders/:number/status', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const number = c.req.param('number');
    const rules = owner.statusRules.order;
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    try {
      let change: SetOrderStatus;
      let done: string;
      if (text('action') === 'ship') {
        const status = Number(text('status'));
        if (!rules.shipped.includes(status)) {
          throw recordError(`order ${number}`, [{ record: `order ${number}`, field: 'status', value: text('status'), reason: 'is not a status that ships the order' }]);
        }
        const picked = Object.keys(form)
          .filter((k) => k.startsWith('picked.') && text(k) !== '')
          .map((k) => ({ row: Number(k.slice('picked.'.length)), quantity: Number(text(k)) }));
        change = { status, ...(text('tracking') ? { waybill: text('tracking') } : {}), ...(text('trackingUrl') ? { trackingUrl: text('trackingUrl') } : {}), picked };
        done = 'shipped';
      } else if (text('action') === 'release') {
        change = { status: requireStatus(rules, 'released') };
        done = 'released';
      } else if (text('action') === 'cancel') {
        change = { status: rules.cancelled };
        done = 'cancelled';
      } else {
        return renderOrder(c, deps, notice('error', 'Unknown action.'), 400);
      }
      await wms.setOrderStatus(owner.code, number, change);
      return c.redirect(`${ownerPath(owner.code, 'orders')}/${encodeURIComponent(number)}?done=${done}`, 303);
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'not-found') throw e;
      return renderOrder(c, deps, notice('error', e.message, e.details), e.kind === 'conflict' ? 409 : 422);
    }
  });
  return app;
}
