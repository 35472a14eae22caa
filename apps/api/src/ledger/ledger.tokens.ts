export const ACCORD_CONFIG = Symbol('ACCORD_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const EVENT_STORE = Symbol('EVENT_STORE');
