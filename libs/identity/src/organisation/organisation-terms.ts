import { Body, Controller, Get, Global, Injectable, Module, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller, CurrentCaller, RequirePermission } from '@app/access';
import { DEFAULT_TERM_DATES, isValidTermDates, swedishDate, TermDates, termOf } from '@app/calendar';
import { ApiProblems, FieldError, NotFoundError, ValidationError } from '@app/http';

const MONTH_DAY = /^\d{2}-\d{2}$/;

export class UpdateTermDatesDto {
  @ApiPropertyOptional({ example: '08-15', description: 'First day of the autumn term (HT), MM-DD in July–September.' })
  @IsOptional()
  @Matches(MONTH_DAY, { message: 'autumnStart must be a day MM-DD' })
  autumnStart?: string;

  @ApiPropertyOptional({ example: '01-16', description: 'First day of the spring term (VT), MM-DD in January–March.' })
  @IsOptional()
  @Matches(MONTH_DAY, { message: 'springStart must be a day MM-DD' })
  springStart?: string;
}

export class TermDto {
  @ApiProperty({ example: '2026HT', description: 'The term: year and HT (autumn) or VT (spring).' })
  term: string;
  @ApiProperty({ format: 'date', description: 'First day.' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day (inclusive).' }) to: string;
}

export class TermDatesDto {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({
    example: '08-15',
    description: 'First day of every autumn term (HT); HT ends the day before VT starts.',
  })
  autumnStart: string;
  @ApiProperty({
    example: '01-16',
    description: 'First day of every spring term (VT); VT ends the day before HT starts.',
  })
  springStart: string;
  @ApiProperty({ type: TermDto, description: 'The term today (Swedish time) falls in, with these dates.' })
  currentTerm: TermDto;
}

/**
 * The organisation's school terms (HT/VT): the one place that says where its terms begin.
 * Everything that names a term for an organisation (outcome statistics, the default start of an
 * SS 12000 sync, intervention results) asks `termDates()` and passes the answer to
 * `termBounds()`/`termOf()` of @app/calendar.
 */
@Injectable()
export class OrganisationTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The first days of the organisation's terms (the defaults unless it moved them). */
  async termDates(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<TermDates> {
    const [row]: { autumn_start: string; spring_start: string }[] = await manager.query(
      `SELECT term_autumn_start AS autumn_start, term_spring_start AS spring_start FROM organisation WHERE id = $1`,
      [organisationId],
    );
    if (!row) throw new NotFoundError('organisation');
    return { autumnStart: row.autumn_start, springStart: row.spring_start };
  }

  async read(caller: Caller): Promise<TermDatesDto> {
    return this.toDto(caller.organisationId, await this.termDates(caller.organisationId));
  }

  /** Moves the first day of HT and/or VT; the pair must still make sense (isValidTermDates). */
  async update(caller: Caller, dto: UpdateTermDatesDto): Promise<TermDatesDto> {
    // Each day is checked against the defaults for the other, so the error names the field at fault.
    const errors: FieldError[] = [];
    if (dto.autumnStart !== undefined && !isValidTermDates({ ...DEFAULT_TERM_DATES, autumnStart: dto.autumnStart })) {
      errors.push({
        field: 'autumnStart',
        code: 'out-of-range',
        message: 'autumnStart must be a day in July–September (MM-DD)',
      });
    }
    if (dto.springStart !== undefined && !isValidTermDates({ ...DEFAULT_TERM_DATES, springStart: dto.springStart })) {
      errors.push({
        field: 'springStart',
        code: 'out-of-range',
        message: 'springStart must be a day in January–March (MM-DD), not 02-29',
      });
    }
    if (errors.length) throw new ValidationError(errors);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.termDates(caller.organisationId, manager);
      // Not a spread: the DTO may carry the field it left out as undefined.
      const next: TermDates = {
        autumnStart: dto.autumnStart ?? current.autumnStart,
        springStart: dto.springStart ?? current.springStart,
      };
      await manager.query(`UPDATE organisation SET term_autumn_start = $2, term_spring_start = $3 WHERE id = $1`, [
        caller.organisationId,
        next.autumnStart,
        next.springStart,
      ]);
      await this.access.logChange(
        caller,
        'organisation.terms.update',
        'organisation',
        [caller.organisationId],
        manager,
      );
      return this.toDto(caller.organisationId, next);
    });
  }

  private toDto(organisationId: string, dates: TermDates): TermDatesDto {
    return { organisationId, ...dates, currentTerm: termOf(swedishDate(), dates) };
  }
}

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly terms: OrganisationTermsService) {}

  @Get('terms')
  @RequirePermission('organisation.read')
  @ApiOperation({
    summary: "Your organisation's school terms (terminer)",
    description:
      'The first day of the autumn term (HT, default 15 Aug) and of the spring term (VT, default 16 Jan); each term ' +
      'ends the day before the other begins, so `2026HT` is 15 Aug 2026–15 Jan 2027 by default. Every period named ' +
      'by a term (outcome statistics, sync, results) uses these dates.',
  })
  @ApiOkResponse({ type: TermDatesDto })
  read(@CurrentCaller() caller: Caller): Promise<TermDatesDto> {
    return this.terms.read(caller);
  }

  @Patch('terms')
  @RequirePermission('organisation.update')
  @ApiOperation({
    summary: "Move the first day of your organisation's terms",
    description: 'HT must start in July–September and VT in January–March, on a day every year has. Logged.',
  })
  @ApiOkResponse({ type: TermDatesDto })
  @ApiProblems(400)
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateTermDatesDto): Promise<TermDatesDto> {
    return this.terms.update(caller, dto);
  }
}

/** Global: every module that names a term reads the organisation's dates through OrganisationTermsService. */
@Global()
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationTermsService],
  exports: [OrganisationTermsService],
})
export class OrganisationModule {}
