import { DefaultNamingStrategy, Table } from 'typeorm';

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
// Without the schema: PostgreSQL names a key after the table alone.
const tableOf = (tableOrName: Table | string) =>
  (typeof tableOrName === 'string' ? tableOrName : tableOrName.name).split('.').pop();

/**
 * How entities name what the migrations created: snake_case columns (`schoolId` is `school_id`)
 * and PostgreSQL's own names for the keys a migration leaves unnamed (`student_school_id_fkey`,
 * `student_pkey`). Unique keys, checks and indexes are named in each entity, as in its migration.
 */
export class SchemaNamingStrategy extends DefaultNamingStrategy {
  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return customName ?? snake([...embeddedPrefixes, propertyName].join('_'));
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `${tableOf(tableOrName)}_pkey`;
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `${tableOf(tableOrName)}_${columnNames.join('_')}_fkey`;
  }
}
