import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * TypeORM on the PostgreSQL chosen at start-up (DATABASE_URL, or the embedded server that
 * main.ts started). Entities register themselves with TypeOrmModule.forFeature in their module.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: { url: string; poolSize: number }): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(options.url, {
              poolSize: options.poolSize,
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
