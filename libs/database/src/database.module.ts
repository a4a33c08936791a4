import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, EntityList } from './data-source-options';

/**
 * TypeORM on the PostgreSQL chosen at start-up (DATABASE_URL, or the embedded server that
 * main.ts started), with the entities of every table (apps/api's ENTITIES).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { url: string; poolSize: number; entities?: EntityList }): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(options.url, {
              poolSize: options.poolSize,
              entities: options.entities,
              // Only the message: driver errors never carry query parameters here.
              onPoolError: (error) => logger.warn(`database connection lost: ${error.message}`),
            }),
            autoLoadEntities: true,
            // Start-up fails fast instead of retrying for half a minute.
            retryAttempts: 0,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
