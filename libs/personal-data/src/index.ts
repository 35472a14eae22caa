export * from './field-cipher';
export * from './person-key-store';
export * from './open-person-key-store';
export * from './postgres-person-key-store';
export * from './sqlite-person-key-store';
