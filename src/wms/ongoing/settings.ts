import { z } from 'zod';
import { pageSize, requiredText, secret, setting, settingsParser } from '../../connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../connectors/sdk/index.js';

/**
 * A goods owner's Ongoing settings (research note §1): the REST root, the goods owner's id in
 * Ongoing, and the API user (HTTP Basic). The status gates are the goods owner's status rules.
 */
export const ongoingSettings = {
  baseUrl: setting(z.url({ error: 'must be the REST root, like https://api.ongoingsystems.se/<warehouse>/api/v1' }), {
    label: 'REST API address',
    doc: 'the /api/v1 root: https://api.ongoingsystems.se/<warehouse>/api/v1 (demo: https://wms1.ongoingsystems.se/<warehouse>/api/v1)',
    required: true,
  }),
  goodsOwnerId: setting(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').positive('must be 1 or more'), {
    label: 'Goods owner id',
    doc: "the goods owner's id in Ongoing (an integer), sent on every call",
    required: true,
  }),
  username: secret(requiredText, { label: 'API user', doc: 'the API user of Administration ⇒ API for goods owners (starts with WSI)', required: true }),
  password: secret(requiredText, { label: 'API password', doc: "the API user's password", required: true }),
  webhookToken: secret(requiredText, {
    label: 'Webhook token',
    doc: "the X-Auth-Token Ongoing's order webhooks send; a webhook only wakes the poll, polling stays the source of truth",
  }),
  transport: setting(z.enum(['node-https', 'fetch'], { error: 'must be node-https or fetch' }), {
    label: 'HTTP transport',
    doc: "node-https (default: Ongoing answered 500 to Node's global fetch) or fetch",
    default: 'node-https',
  }),
  pageSize: pageSize(500, 100),
  pollIntervalSeconds: setting(z.coerce.number().int().min(0).max(86_400), {
    label: 'Poll interval',
    doc: 'seconds between two reads of the shipments and receipts to report (a webhook wakes it sooner)',
    default: 60,
  }),
} satisfies SettingSpecs;

export type OngoingSettings = SettingsOf<typeof ongoingSettings>;

export const parseOngoingSettings = settingsParser('Ongoing WMS', ongoingSettings, []);
