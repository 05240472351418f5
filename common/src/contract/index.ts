export * from './endpoint';
export * from './review.contract';
export * from './applications.contract';
export * from './files.contract';
