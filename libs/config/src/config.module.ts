import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Carries the configuration that main.ts (or a test) validated with loadConfig() through
 * @nestjs/config. Validation happens before Nest starts so that a bad setting stops start-up
 * with one clear line instead of a stack trace.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: config })] })],
      providers: [
        {
          provide: APP_CONFIG,
          inject: [ConfigService],
          useFactory: (configService: ConfigService) => configService.getOrThrow<AppConfig>('app'),
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
