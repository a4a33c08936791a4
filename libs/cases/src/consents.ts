import { Body, Controller, Get, HttpCode, Inject, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService, Caller, CONSENT_SCOPES, consentInForce, CurrentCaller, RequirePermission } from '@app/access';
import { addMonths, isIsoDate, swedishDate } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ApiProblems, ConflictError, NotFoundError, UnprocessableError, ValidationError, pageSchema } from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, namesVisible, NamesVisible, requireActive } from './case-access';
import { recordEvent } from './timeline';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GiveConsentDto {
  @ApiProperty({ format: 'uuid', description: 'The agency the consent lets in (not the school itself).' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({
    enum: ['guardian', 'pupil'],
    description: 'Whose consent it is: the right to decide moves to the child with maturity.',
  })
  @IsIn(['guardian', 'pupil'])
  givenBy: 'guardian' | 'pupil';

  @ApiProperty({ example: 'Anna Lind' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  givenByName: string;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, description: 'What the agency may see: consent may be partial.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(CONSENT_SCOPES.length)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scope: string[];

  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day consent was given (not in the future).' })
  @Matches(DATE, { message: 'givenAt must be a date YYYY-MM-DD' })
  givenAt: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'The last day it is valid; expiry works like withdrawal. Absent: the default validity ' +
      '(CONSENT_DEFAULT_VALIDITY_MONTHS, 12 months from givenAt); at most CONSENT_MAX_VALIDITY_MONTHS (24) after givenAt.',
  })
  @IsOptional()
  @Matches(DATE, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil?: string;

  @ApiPropertyOptional({ description: 'Where the signed consent is kept (diarienummer, document id).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  documentReference?: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ enum: ['guardian', 'pupil'] }) givenBy: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Who gave it; null for an outside agency that may not see the pupil's or guardians' names.",
  })
  givenByName: string | null;
  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true }) scope: string[];
  @ApiProperty({ format: 'date' }) givenAt: string;
  @ApiProperty({ format: 'date', description: 'The last day it is valid (inclusive); every consent ends.' })
  validUntil: string;
  @ApiProperty({ type: String, nullable: true }) documentReference: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ description: 'Given, not expired, not withdrawn: the agency has access while mobilised.' })
  inForce: boolean;
}

interface ConsentRow {
  id: string;
  agency_id: string;
  agency_name: string;
  given_by: string;
  given_by_name: string;
  scope: string[];
  given_at: string;
  valid_until: string;
  document_reference: string | null;
  withdrawn_at: Date | null;
}

const CONSENT_SELECT = `SELECT k.id, k.agency_id, a.name AS agency_name, k.given_by, k.given_by_name, k.scope,
                               to_char(k.given_at, 'YYYY-MM-DD') AS given_at, to_char(k.valid_until, 'YYYY-MM-DD') AS valid_until,
                               k.document_reference, k.withdrawn_at
                          FROM consent k JOIN agency a ON a.id = k.agency_id`;

const ALL_NAMES: NamesVisible = { pupil: true, guardians: true };

const toDto = (r: ConsentRow, names = ALL_NAMES, now = new Date()): ConsentDto => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  givenBy: r.given_by,
  givenByName: (r.given_by === 'pupil' ? names.pupil : names.guardians) ? r.given_by_name : null,
  scope: r.scope,
  givenAt: r.given_at,
  validUntil: r.valid_until,
  documentReference: r.document_reference,
  withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
  inForce: consentInForce(
    {
      agencyId: r.agency_id,
      scope: r.scope,
      givenAt: r.given_at,
      validUntil: r.valid_until,
      withdrawnAt: r.withdrawn_at,
    },
    now,
  ),
});

/**
 * Guardians' (or the pupil's) consent per agency. The case's coordinator records and withdraws
 * it (withdrawal in any status, a closed case included); the access layer reads it on every
 * request, so a withdrawal cuts access on the next one. Every consent ends: without a
 * `validUntil` it gets the configured default validity, and none may run past the maximum.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: Caller, caseId: string): Promise<ConsentDto[]> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'consent.list' });
    // An outside agency sees the consents that concern it; the school sees them all.
    const own = caller.agencyId !== facts.schoolId;
    const rows: ConsentRow[] = await this.dataSource.query(
      `${CONSENT_SELECT} WHERE k.case_id = $1 ${own ? 'AND k.agency_id = $2' : ''} ORDER BY k.created_at, k.id`,
      own ? [caseId, caller.agencyId] : [caseId],
    );
    const names = namesVisible(caller, facts);
    return rows.map((r) => toDto(r, names));
  }

  async give(caller: Caller, caseId: string, dto: GiveConsentDto): Promise<ConsentDto> {
    const today = swedishDate();
    const errors = [
      ...(!isIsoDate(dto.givenAt)
        ? [{ field: 'givenAt', code: 'invalid-date', message: 'givenAt must be a real date' }]
        : []),
      ...(dto.validUntil && !isIsoDate(dto.validUntil)
        ? [{ field: 'validUntil', code: 'invalid-date', message: 'must be a real date' }]
        : []),
    ];
    if (errors.length) throw new ValidationError(errors);
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'consent.give', tx: manager });
      requireActive(facts);
      const { defaultValidityMonths, maxValidityMonths } = this.config.consent;
      const validUntil = dto.validUntil ?? addMonths(dto.givenAt, defaultValidityMonths);
      const problems = [];
      if (dto.givenAt > today)
        problems.push({ field: 'givenAt', code: 'in-future', message: 'consent cannot be given in the future' });
      if (validUntil < dto.givenAt) {
        problems.push({ field: 'validUntil', code: 'before-start', message: 'must not be before givenAt' });
      } else if (validUntil > addMonths(dto.givenAt, maxValidityMonths)) {
        problems.push({
          field: 'validUntil',
          code: 'too-long-validity',
          message: `must be at most ${maxValidityMonths} months after givenAt (${addMonths(dto.givenAt, maxValidityMonths)})`,
        });
      }
      const [agency] = await manager.query(`SELECT type FROM agency WHERE id = $1`, [dto.agencyId]);
      if (!agency) problems.push({ field: 'agencyId', code: 'unknown', message: 'unknown agency' });
      else if (dto.agencyId === facts.schoolId) {
        problems.push({
          field: 'agencyId',
          code: 'own-school',
          message: 'the school needs no consent for its own case',
        });
      }
      if (problems.length)
        throw new UnprocessableError('The consent cannot be recorded as given.', { errors: problems });
      const [{ id }] = await manager.query(
        `INSERT INTO consent (case_id, agency_id, given_by, given_by_name, scope, given_at, valid_until, document_reference, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          caseId,
          dto.agencyId,
          dto.givenBy,
          dto.givenByName.trim(),
          dto.scope,
          dto.givenAt,
          validUntil,
          dto.documentReference?.trim() ?? null,
          caller.userId,
        ],
      );
      await recordEvent(manager, caseId, caller, 'consent.given', {
        consentId: id,
        agencyId: dto.agencyId,
        givenBy: dto.givenBy,
        scope: dto.scope,
        validUntil,
      });
      await this.access.logChange(caller, 'consent.give', 'consent', [id], manager);
      const [row] = await manager.query(`${CONSENT_SELECT} WHERE k.id = $1`, [id]);
      return toDto(row);
    });
  }

  /** Withdrawal takes effect now, whatever the case's status: a guardian may always take consent back. */
  async withdraw(caller: Caller, caseId: string, consentId: string): Promise<ConsentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.cases.requireCoordinator(caller, caseId, { log: 'consent.withdraw', tx: manager });
      const [existing] = await manager.query(
        `SELECT withdrawn_at FROM consent WHERE id = $1 AND case_id = $2 FOR UPDATE`,
        [consentId, caseId],
      );
      if (!existing) throw new NotFoundError('consent');
      if (existing.withdrawn_at) throw new ConflictError('The consent is already withdrawn.');
      await manager.query(`UPDATE consent SET withdrawn_at = now() WHERE id = $1`, [consentId]);
      const [row]: ConsentRow[] = await manager.query(`${CONSENT_SELECT} WHERE k.id = $1`, [consentId]);
      await recordEvent(manager, caseId, caller, 'consent.withdrawn', { consentId, agencyId: row.agency_id });
      // Told to the agency whose consent it was (its access ends with it), not to the others.
      await this.notifier.notify(
        manager,
        'consent.withdrawn',
        { key: consentId, caseId, agencyId: row.agency_id },
        caller.userId,
      );
      await this.access.logChange(caller, 'consent.withdraw', 'consent', [consentId], manager);
      return toDto(row);
    });
  }
}

@ApiTags('consent')
@Controller('cases/:id/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({ summary: "The case's consents (an outside agency sees those for itself)" })
  @ApiOkResponse({ type: pageSchema(ConsentDto) })
  @ApiProblems(400, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.consents.list(caller, id), nextCursor: null };
  }

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record consent (samtycke) for one agency, with its scope and validity (the case’s coordinator; ' +
      'default and longest validity are configured)',
  })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiProblems(400, 403, 404, 409, 422)
  give(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: GiveConsentDto,
  ): Promise<ConsentDto> {
    return this.consents.give(caller, id, dto);
  }

  @Post(':consentId/withdraw')
  @HttpCode(200)
  @RequirePermission('case.manage')
  @ApiOperation({
    summary: "Withdraw consent, in any case status: the agency's access ends with the next request (the coordinator)",
  })
  @ApiOkResponse({ type: ConsentDto })
  @ApiProblems(400, 403, 404, 409)
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('consentId', new ParseUUIDPipe()) consentId: string,
  ): Promise<ConsentDto> {
    return this.consents.withdraw(caller, id, consentId);
  }
}
