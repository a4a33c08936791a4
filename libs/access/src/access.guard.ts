import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError } from '@app/http';
import { AccessLogService } from './access-log.service';
import type { Caller } from './caller';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import type { Permission } from './permissions';

const authenticate = new (AuthGuard('jwt'))();

/**
 * The global guard: authenticates the access token, then checks the route's declared
 * permission. A route that declares nothing is refused (deny by default). Refusals are logged.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLogService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ user: Caller; id?: string; method: string; route?: { path?: string } }>();
    const endpoint = `${request.method} ${request.route?.path ?? ''}`;
    try {
      await authenticate.canActivate(context);
    } catch (error) {
      // A missing, expired, forged or revoked token: denied before we know who is asking.
      await this.accessLog.record({
        action: 'auth.token',
        subjectType: 'endpoint',
        subjectIds: [endpoint],
        outcome: 'denied',
        requestId: request.id,
      });
      throw error;
    }
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
