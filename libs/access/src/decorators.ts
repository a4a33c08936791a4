import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '@app/http';
import type { Permission } from './permissions';

export const PUBLIC_ROUTE = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/** A route anyone may call without logging in (health, docs, login). Use sparingly. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The permission a route needs. The global AccessGuard refuses any route that declares
 * neither this nor @Public(), so forgetting is a 403, never an open door.
 */
export function RequirePermission(permission: Permission) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension('x-permission', permission),
    ApiProblems(401, 403),
  );
}
