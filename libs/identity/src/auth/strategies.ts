import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest as Request } from 'fastify';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { fieldErrors, ValidationError } from '@app/http';
import { LoginDto, SignInResult } from './auth.dto';
import { AuthService } from './auth.service';

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
