export * from './endpoint';
export * from './review.contract';
export * from './applications.contract';
export * from './files.contract';
export * from './admin.contract';
export * from './units.contract';
export * from './supervision.contract';
