import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { BEARER_AUTHENTICATOR } from '@app/access';
import { APP_CONFIG, AppConfig } from '@app/config';
import { AgenciesController } from './agencies/agencies.controller';
import { AgenciesRepository } from './agencies/agencies.repository';
import { AgenciesService } from './agencies/agencies.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SignInThrottleGuard } from './auth/sign-in-throttle';
import { SignInThrottleRepository } from './auth/sign-in-throttle.repository';
import { AccessTokenAuthenticator } from './auth/access-token';
import { LocalStrategy } from './auth/strategies';
import { Sessions } from './auth/sessions';
import { SessionsRepository } from './auth/sessions.repository';
import { MfaClock } from './mfa/mfa-clock';
import { MfaController, UserMfaController } from './mfa/mfa.controller';
import { MfaRepository } from './mfa/mfa.repository';
import { MfaService } from './mfa/mfa.service';
import { OidcClient } from './oidc/oidc-client';
import { OidcController } from './oidc/oidc.controller';
import { OidcRepository } from './oidc/oidc.repository';
import { OidcService } from './oidc/oidc.service';
import { OrganisationModule } from './organisation/organisation.module';
import { SetupCodesRepository } from './setup/setup-codes.repository';
import { SetupCodes } from './setup/setup-codes.service';
import { SchoolAccountsController } from './users/school-accounts.controller';
import { SchoolAccountsService } from './users/school-accounts.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** Organisations (their terms: OrganisationModule, global), agencies, users, setup codes, login and tokens. */
@Module({
  imports: [
    OrganisationModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [
    AuthController,
    OidcController,
    MfaController,
    UserMfaController,
    UsersController,
    AgenciesController,
    SchoolAccountsController,
  ],
  providers: [
    AuthService,
    LocalStrategy,
    AccessTokenAuthenticator,
    // The global AccessGuard (@app/access) finds it by this token.
    { provide: BEARER_AUTHENTICATOR, useExisting: AccessTokenAuthenticator },
    UsersRepository,
    UsersService,
    AgenciesRepository,
    AgenciesService,
    // Acts only on routes marked @SignInThrottle(); runs before their route guards (passport).
    { provide: APP_GUARD, useClass: SignInThrottleGuard },
    SignInThrottleRepository,
    SetupCodes,
    SetupCodesRepository,
    SchoolAccountsService,
    OidcClient,
    OidcRepository,
    OidcService,
    Sessions,
    SessionsRepository,
    MfaClock,
    MfaRepository,
    MfaService,
  ],
})
export class IdentityModule {}
