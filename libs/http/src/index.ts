export * from './domain-error';
export * from './pagination';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './api-errors.decorator';
