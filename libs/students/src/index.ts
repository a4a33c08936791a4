export * from './personnummer';
