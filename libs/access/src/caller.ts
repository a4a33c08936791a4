import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Permission, Role } from './permissions';

export type AgencyType = 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';

/** Who is asking: resolved from the access token on every request, from the database. */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  agencyId: string;
  agencyType: AgencyType;
  agencyName: string;
  organisationId: string;
  /** The refresh-token family (one login) the access token belongs to. */
  sessionId: string;
  /** This request's id, for the access log. */
  requestId?: string;
}

/** The authenticated caller of this request. Routes that use it are never @Public(). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
});
