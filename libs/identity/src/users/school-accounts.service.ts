import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, PageQuery, toPage } from '@app/http';
import { SchoolAccountDto } from './school-accounts.dto';
import { SchoolAccountRow, UsersRepository } from './users.repository';

const toDto = (r: SchoolAccountRow): SchoolAccountDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  latestGrant:
    r.granted_at && r.detail
      ? {
          at: r.granted_at.toISOString(),
          byUserId: r.granted_by,
          byDisplayName: r.granted_by_name,
          rolesBefore: r.detail.rolesBefore,
          rolesAfter: r.detail.rolesAfter,
        }
      : null,
});

/**
 * The principal's view of who holds accounts at the school: roles, whether active, and who gave
 * each its latest role (from the access log's `user.roles.change` rows, written with every change).
 */
@Injectable()
export class SchoolAccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, schoolId: string, query: PageQuery): Promise<Page<SchoolAccountDto>> {
    await this.access.requireSchool(caller, schoolId, 'school.accounts.read');
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.users.schoolAccounts(schoolId, query.limit, cursor);
    const page = toPage(rows, query.limit, (r) => [r.username.toLowerCase(), r.id], toDto);
    await this.access.logList(
      caller,
      'school.accounts.read',
      'user',
      page.items.map((a) => a.id),
    );
    return page;
  }
}
