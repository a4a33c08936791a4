import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AgenciesController, AgenciesService } from './agencies/agencies';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy, LocalStrategy } from './auth/strategies';
import { SetupCodes } from './setup/setup-codes';
import { SchoolAccountsController, SchoolAccountsService } from './users/school-accounts';
import { UsersController, UsersService } from './users/users';

/** Organisations, agencies, users, setup codes, login and tokens. */
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
    // Per-IP limit on login and refresh (in memory: per instance).
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ ttl: 60_000, limit: config.loginRateLimitPerMinute }],
    }),
  ],
  controllers: [AuthController, UsersController, AgenciesController, SchoolAccountsController],
  providers: [
    AuthService,
    LocalStrategy,
    JwtStrategy,
    UsersService,
    AgenciesService,
    SetupCodes,
    SchoolAccountsService,
  ],
})
export class IdentityModule {}
