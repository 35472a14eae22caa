export * from './event-store.port';
export * from './event-store.errors';
export * from './hash-chain';
export * from './event-id';
export * from './append-validation';
export * from './subscription';
export * from './sqlite/sqlite-event-store';
export * from './postgres/postgres-event-store';
