import type { Kysely, Migration } from 'kysely';

/**
 * Who started each OAuth 2 flow, so that only they can complete it. Nullable because a flow in
 * flight during the upgrade has no starter; the callback refuses it and the user starts again.
 */
export const oauthStartedBy = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('oauth_states').addColumn('started_by', 'bigint').execute();
  },
});
