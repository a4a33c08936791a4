// First: the DATE type parser is registered before anything connects.
export * from './date-columns';
export * from './data-source-options';
export * from './database-errors';
export * from './database-roles';
export * from './database.module';
export * from './embedded-postgres';
export * from './job-schema';
export * from './migrations';
export * from './naming-strategy';
export * from './sql';
export * from './sql-repository';
