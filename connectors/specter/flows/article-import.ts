import type { ImportFlow } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi } from '../api.js';
import { toArticle } from '../mappings/to-article.js';
import { sourceRecord } from './records.js';

/**
 * Articles changed in Specter, from its NeedUpdate feed [V S2]: each batch is acknowledged only
 * once the engine has written it and asks for the next, so a run that stops in between reads the
 * same batch again (Specter answers code 99 with its number). The feed holds its own position, so
 * there is no cursor; a failed article comes back when it changes in Specter again.
 */
export const articleImport: ImportFlow<SpecterApi> = {
  kind: 'import',
  id: 'article-import',
  description: "Articles changed in Specter since the last run, from Specter's acknowledged NeedUpdate feed",
  enabledByDefault: true,
  mapping: toArticle,
  async *fetch(api, { signal }) {
    for await (const page of api.articleBatches(signal)) yield { records: page.map((item) => sourceRecord(item, 'articleNo', 'article')) };
  },
};
