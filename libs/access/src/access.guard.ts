import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ForbiddenError } from '@app/http';
import { AccessLogService } from './access-log.service';
import { BEARER_AUTHENTICATOR, BearerAuthenticator } from './bearer-authenticator';
import type { Caller } from './caller';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import type { Permission } from './permissions';

/**
 * The global guard: authenticates the access token, then checks the route's declared
 * permission. A route that declares nothing is refused (deny by default). Refusals are logged.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private authenticator: BearerAuthenticator | null = null;

  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLogService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{
      user: Caller;
      id?: string;
      method: string;
      routeOptions?: { url?: string };
      headers: { authorization?: string | string[] };
    }>();
    const endpoint = `${request.method} ${request.routeOptions?.url ?? ''}`;
    // The identity module's, found once: it is not a module this one imports (identity imports access).
    this.authenticator ??= this.moduleRef.get<BearerAuthenticator>(BEARER_AUTHENTICATOR, { strict: false });
    const caller = await this.authenticator.callerOf(request.headers.authorization);
    if (!caller) {
      // A missing, expired, forged or revoked token: denied before we know who is asking.
      await this.accessLog.record({
        action: 'auth.token',
        subjectType: 'endpoint',
        subjectIds: [endpoint],
        outcome: 'denied',
        requestId: request.id,
      });
      throw new UnauthorizedException('A valid access token is required: log in again.');
    }
    request.user = { ...caller, requestId: request.id };
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && request.user.permissions.has(permission)) return true;

    await this.accessLog.record({
      caller: request.user,
      action: permission ?? 'undeclared',
      subjectType: 'endpoint',
      subjectIds: [endpoint],
      outcome: 'denied',
      requestId: request.id,
    });
    throw new ForbiddenError(permission ? 'Your role does not allow this.' : 'This endpoint declares no permission.');
  }
}
