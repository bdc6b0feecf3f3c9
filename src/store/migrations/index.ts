import type { Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { wms } from './0001-wms.js';
import { sync } from './0002-sync.js';
import { oauth } from './0003-oauth.js';
import { access } from './0004-access.js';
import { samples } from './0005-samples.js';
import { wakeUps } from './0006-wake-ups.js';
import { leaseHolders } from './0007-lease-holders.js';
import { walkPositions } from './0008-walk-positions.js';

/** Every migration, in order; names sort in the order they run. */
export const migrations: Record<string, (dialect: Dialect) => Migration> = {
  '0001-wms': wms,
  '0002-sync': sync,
  '0003-oauth': oauth,
  '0004-access': access,
  '0005-samples': samples,
  '0006-wake-ups': wakeUps,
  '0007-lease-holders': leaseHolders,
  '0008-walk-positions': walkPositions,
};
