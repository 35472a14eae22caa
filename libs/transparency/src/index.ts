export * from './errors';
export * from './merkle';
export * from './tree-builder';
export * from './event-leaf';
export * from './signed-note';
export * from './checkpoint';
export * from './export-format';
export * from './stored-nodes';
