/** The sandbox kit: what a simulator of a system is built from. */
export { defineSandbox } from './define.js';
export type { BaseSandboxOptions, KitSettings, Sandbox, SandboxKit, SandboxSpec, SimulatorParts } from './define.js';
export { ApiError } from './errors.js';
export type { ErrorResponder } from './errors.js';
export type { Faults, RequestLabel } from './faults.js';
export type { Recorder } from './recorder.js';
export type { RateLimiter, RateLimitSettings } from './rate-limit.js';
export type { Deliveries, Delivery, Send } from './deliveries.js';
export { Collection, lazyEntry } from './collection.js';
export type { CollectionPage, CollectionQuery, Entry } from './collection.js';
export { createRandom, deriveSeed, nordic, pickPerson } from './random.js';
export type { Random } from './random.js';
export { serveSandbox } from './serve.js';
export type { ServedSandbox } from './serve.js';
export { createShops, shopPath } from './shops.js';
export type { ShopRoute, Simulator } from './shops.js';
export { callJson } from './test-client.js';
