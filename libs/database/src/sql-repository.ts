import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What every repository starts from: the data source, a transaction for the service to run its
 * workflow in, and the manager for reads outside one. A repository extends it and adds its named
 * methods (their SQL through sqlRows/sqlRow/sqlCount/preparedRows).
 */
export abstract class SqlRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
