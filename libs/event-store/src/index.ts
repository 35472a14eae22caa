export * from './event-store.port';
export * from './event-store.errors';
export * from './hash-chain';
export { ChainVerifier } from './chain-verifier';
export * from './event-id';
export * from './append-validation';
export * from './subscription';
export * from './sqlite/sqlite-event-store';
export * from './postgres/postgres-event-store';
export { openPool } from './postgres/open-pool';
// The KurrentDB adapter itself is `@accord/event-store/kurrentdb`, loaded when it is used.
export { redactConnectionString } from './kurrentdb/connection-string';
export * from './migrate';
