// The KurrentDB adapter, apart from the package's index: its client (gRPC and protocol
// buffers) takes a third of a second to load, which only a ledger on KurrentDB should pay.
export * from './kurrentdb-event-store';
export { KurrentDbUnavailableError } from './kurrentdb-errors';
