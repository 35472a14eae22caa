export const ACCORD_CONFIG = Symbol('ACCORD_CONFIG');
export const LEDGER = Symbol('LEDGER');
export const EVENT_STORE = Symbol('EVENT_STORE');
