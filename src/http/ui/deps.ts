import type { Users } from '../../access/users.js';
import type { Logger } from '../../kernel/logger.js';
import type { SyncServices } from '../../sync/services.js';
import type { EmbeddedWms } from '../../wms/port.js';

/** What the admin UI is built on: the same services the API and the CLI use. */
export interface UiDeps {
  wms: EmbeddedWms;
  sync: SyncServices;
  users: Users;
  logger: Logger;
  version: string;
}
