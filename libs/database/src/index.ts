export * from './data-source-options';
export * from './database-errors';
export * from './database-roles';
export * from './database.module';
export * from './embedded-postgres';
export * from './job-schema';
export * from './migrations';
export * from './naming-strategy';
