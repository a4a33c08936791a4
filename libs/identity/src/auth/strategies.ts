import { ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { Caller } from '@app/access';
import { APP_CONFIG, AppConfig } from '@app/config';
import { fieldErrors, ValidationError } from '@app/http';
import { LoginDto, SignInResult } from './auth.dto';
import { AccessTokenPayload, AuthService } from './auth.service';

/** passport-local: `{ username, password }` in, a token pair or the second factor's step out (as `req.user`). */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request & { id?: string }, username: string, password: string): Promise<SignInResult> {
    return this.auth.login(username, password, request.id);
  }
}

/**
 * Validates the login body before passport sees it, so that a missing field is a 400 with a
 * field list rather than passport's bare 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new ValidationError(fieldErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}

/** Bearer JWTs signed by us with HS256 only, with an expiry: `alg: none`, other keys and no `exp` are refused. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given the string, jsonwebtoken tries createPublicKey (which throws)
      // and then createSecretKey on every request. Its types only admit strings and buffers.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: Request & { id?: string }, payload: AccessTokenPayload & { exp?: unknown }): Promise<Caller> {
    // jsonwebtoken checks `exp` only when present: a token that never expires is refused here.
    if (typeof payload.exp !== 'number') throw new UnauthorizedException('The token has no expiry.');
    const caller = await this.auth.callerFor(payload);
    if (!caller) throw new UnauthorizedException('The session has ended. Please log in again.');
    return { ...caller, requestId: request.id };
  }
}
