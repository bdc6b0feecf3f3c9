import type { Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { wms } from './0001-wms.js';
import { sync } from './0002-sync.js';
import { oauth } from './0003-oauth.js';
import { access } from './0004-access.js';
import { samples } from './0005-samples.js';
import { oauthStartedBy } from './0006-oauth-started-by.js';
import { loginThrottles } from './0007-login-throttles.js';
import { wakeUps } from './0008-wake-ups.js';
import { leaseHolders } from './0009-lease-holders.js';
import { walkPositions } from './0010-walk-positions.js';
import { rateLimitBuckets } from './0011-rate-limit-buckets.js';
import { jobs } from './0012-jobs.js';
import { goodsOwnerWms } from './0013-goods-owner-wms.js';
import { stockRules } from './0014-stock-rules.js';
import { auditAndRevocation } from './0016-audit-and-revocation.js';
import { runProgress } from './0019-run-progress.js';

/** Every migration, in order; names sort in the order they run. */
export const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001-wms': wms,
  '0002-sync': sync,
  '0003-oauth': oauth,
  '0004-access': access,
  '0005-samples': samples,
  '0006-oauth-started-by': oauthStartedBy,
  '0007-login-throttles': loginThrottles,
  '0008-wake-ups': wakeUps,
  '0009-lease-holders': leaseHolders,
  '0010-walk-positions': walkPositions,
  '0011-rate-limit-buckets': rateLimitBuckets,
  '0012-jobs': jobs,
  '0013-goods-owner-wms': goodsOwnerWms,
  '0014-stock-rules': stockRules,
  '0016-audit-and-revocation': auditAndRevocation,
  '0019-run-progress': runProgress,
};
