export * from './article.js';
export * from './goods-owner.js';
export * from './order.js';
export * from './purchase-order.js';
export * from './statuses.js';
export * from './stock.js';
export * from './supplier.js';
export { parseRecord, recordJson, safeParseRecord, toFieldIssues } from './validate.js';
export { issueReason } from './issue-wording.js';
