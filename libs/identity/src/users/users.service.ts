import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessService, AgencyType, Caller, Role } from '@app/access';
import { ConflictError, decodeCursor, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { Notifier } from '@app/notifications';
import { SessionsRepository } from '../auth/sessions.repository';
import { SetupCodes } from '../setup/setup-codes.service';
import { SetupCodeDto } from '../setup/setup.dto';
import { CreatedUserDto, CreateUserDto, UpdateUserDto, UserDto } from './users.dto';
import { UserRow, UsersRepository } from './users.repository';
import {
  caseReading,
  changesOwnRoles,
  rolesCombinationRefused,
  rolesInEffect,
  rolesMisfit,
  sameRoles,
  schoolAccessChanged,
  sortedRoles,
} from './users.rules';

const toDto = (r: UserRow): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles,
  active: r.active,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  createdAt: r.created_at.toISOString(),
  deactivatedAt: r.deactivated_at?.toISOString() ?? null,
});

/** Refuses roles that do not fit the agency, or that combine oversight with reading pupils (422). */
function checkRoles(roles: Role[], agencyType: AgencyType): void {
  const refusal = rolesMisfit(roles, agencyType) ?? rolesCombinationRefused(roles);
  if (refusal) throw new UnprocessableError(refusal.detail, { errors: [refusal.error] });
}

/** Users an admin manages: those of agencies in the admin's own organisation, and no others. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
    private readonly setupCodes: SetupCodes,
  ) {}

  async list(caller: Caller, query: PageQuery): Promise<Page<UserDto>> {
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.users.page(
      (column, firstParam) => this.access.scope(caller, 'organisation-member', column, firstParam),
      query.limit,
      cursor,
    );
    const page = toPage(rows, query.limit, (r) => [r.username.toLowerCase(), r.id], toDto);
    await this.access.logList(
      caller,
      'user.list',
      'user',
      page.items.map((u) => u.id),
    );
    return page;
  }

  async get(caller: Caller, id: string): Promise<UserDto> {
    const row = await this.findVisible(caller, this.users.manager, id, 'user.read');
    return toDto(row);
  }

  async create(caller: Caller, dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.transaction(async (tx) => {
      const agency = await this.users.agencyOf(tx, caller.organisationId, dto.agencyId);
      // Another organisation's agency reads exactly like one that doesn't exist.
      if (!agency)
        throw new UnprocessableError('The agency does not exist in your organisation.', {
          errors: [{ field: 'agencyId', code: 'unknown', message: 'unknown agency' }],
        });
      checkRoles(dto.roles, agency.type);
      if (await this.users.usernameTaken(tx, dto.username))
        throw new ConflictError('A user with this username already exists.', {
          errors: [{ field: 'username', code: 'already-exists', message: 'already taken' }],
        });
      // No password until the user chooses one with the setup code.
      const id = await this.users.insert(tx, {
        agencyId: dto.agencyId,
        username: dto.username.trim(),
        displayName: dto.displayName.trim(),
        roles: dto.roles,
      });
      await this.access.logChange(caller, 'user.create', 'user', [id], tx);
      const row = (await this.users.find(tx, id))!;
      await this.recordRoleChange(tx, caller, row, [], rolesInEffect(row), 'create');
      const setup = await this.setupCodes.issue(tx, caller, id);
      return { ...toDto(row), setup };
    });
  }

  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      const row = await this.findVisible(caller, tx, id, 'user.update', true);
      if (dto.roles) {
        if (changesOwnRoles(caller.userId, id, row.roles, dto.roles)) {
          await this.access.forbid(
            caller,
            'user.update',
            'user',
            id,
            'You cannot change your own roles; ask another administrator.',
          );
        }
        checkRoles(dto.roles, row.agency_type);
      }
      await this.users.update(tx, id, { displayName: dto.displayName?.trim() ?? null, roles: dto.roles ?? null });
      const updated = (await this.users.find(tx, id))!;
      await this.recordRoleChange(tx, caller, updated, rolesInEffect(row), rolesInEffect(updated), 'update');
      return toDto(updated);
    });
  }

  /** Never deletes: the access log names users for as long as it is kept. Tokens stop at once. */
  async deactivate(caller: Caller, id: string): Promise<UserDto> {
    return this.users.transaction(async (tx) => {
      const row = await this.findVisible(caller, tx, id, 'user.deactivate', true);
      if (id === caller.userId) throw new ConflictError('You cannot deactivate yourself; ask another administrator.');
      await this.users.deactivate(tx, id);
      await this.sessions.revokeAllOf(tx, id);
      await this.setupCodes.voidOpen(tx, id);
      const updated = (await this.users.find(tx, id))!;
      await this.recordRoleChange(tx, caller, updated, rolesInEffect(row), rolesInEffect(updated), 'deactivate');
      return toDto(updated);
    });
  }

  /**
   * A new one-time setup code for a user of the caller's organisation; earlier codes stop working.
   * Mailed to the user when mail is on, otherwise in the answer, once.
   */
  async issueSetupCode(caller: Caller, id: string): Promise<SetupCodeDto> {
    return this.users.transaction(async (tx) => {
      const row = await this.findVisible(caller, tx, id, 'user.setup-code', true);
      if (!row.active) throw new ConflictError('The user is deactivated.');
      const setup = await this.setupCodes.issue(tx, caller, id);
      // Whoever redeems the code signs in as this account: the principal hears of it for accounts that read pupils.
      if (row.agency_type === 'school' && caseReading(row.roles).length) {
        await this.notifier.notify(
          tx,
          'school-access.setup-code',
          { key: `${id}:${randomUUID()}`, schoolId: row.agency_id, agencyId: row.agency_id },
          caller.userId,
        );
      }
      return setup;
    });
  }

  /**
   * Logs a change of the roles an account holds in effect, with the roles before and after (ids
   * and roles only), in the change's transaction. When the roles that read pupils or cases change
   * at a school, its principal is told, and sees it on the school's list of accounts.
   */
  private async recordRoleChange(
    tx: EntityManager,
    caller: Caller,
    user: UserRow,
    before: Role[],
    after: Role[],
    change: 'create' | 'update' | 'deactivate',
  ): Promise<void> {
    if (sameRoles(before, after)) return;
    await this.access.logChange(caller, 'user.roles.change', 'user', [user.id], tx, {
      change,
      rolesBefore: sortedRoles(before),
      rolesAfter: sortedRoles(after),
    });
    if (schoolAccessChanged(user.agency_type, before, after)) {
      await this.notifier.notify(
        tx,
        'school-access.changed',
        { key: `${user.id}:${randomUUID()}`, schoolId: user.agency_id, agencyId: user.agency_id },
        caller.userId,
      );
    }
  }

  /** Loads a user the caller may manage, or answers 404 (logged) as if it did not exist. */
  private async findVisible(
    caller: Caller,
    tx: EntityManager,
    id: string,
    logAction: string,
    lock = false,
  ): Promise<UserRow> {
    const row = await this.users.find(tx, id, lock);
    await this.access.require({
      caller,
      action: lock ? 'write' : 'read',
      logAction,
      subject: row ? { type: 'organisation-member', organisationId: row.organisation_id } : null,
      subjectType: 'user',
      subjectId: id,
      manager: tx,
    });
    return row!;
  }
}
