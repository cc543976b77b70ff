/** French formats (fr-FR), shared by charts, tables, captions and exports. */
export * from './numbers';
export * from './dates';
export * from './text';
export * from './axis';
export * from './source';
export * from './masked';
export * from './fictional';
export * from './sqlValue';
