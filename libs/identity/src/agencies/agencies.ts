import { Body, Controller, Get, Injectable, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessService, AgencyType, Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, decodeCursor, Page, PageQuery, pageSchema, toPage, UnprocessableError } from '@app/http';

export const AGENCY_TYPES: AgencyType[] = ['school', 'social_services', 'bup', 'habilitation', 'other'];

export class CreateAgencyDto {
  @ApiProperty({ example: 'Fältskolan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type: AgencyType;

  @ApiPropertyOptional({
    description: 'Skolenhetskod (8 digits); required for schools, refused for others.',
    example: '12345678',
  })
  @ValidateIf((o: CreateAgencyDto) => o.type === 'school' || o.schoolUnitCode !== undefined)
  @IsString()
  @Matches(/^\d{8}$/, { message: 'schoolUnitCode must be the 8-digit skolenhetskod' })
  schoolUnitCode?: string;
}

export class AgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type: AgencyType;
  @ApiProperty({ nullable: true, type: String }) schoolUnitCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

interface AgencyRow {
  id: string;
  organisation_id: string;
  name: string;
  type: AgencyType;
  school_unit_code: string | null;
  created_at: Date;
}

const toDto = (r: AgencyRow): AgencyDto => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  type: r.type,
  schoolUnitCode: r.school_unit_code,
  createdAt: r.created_at.toISOString(),
});

/** Agencies of the caller's own organisation: every query is scoped to it. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async listOwn(caller: Caller, query: PageQuery): Promise<Page<AgencyDto>> {
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows: AgencyRow[] = await this.dataSource.query(
      `SELECT * FROM agency WHERE organisation_id = $1 ${cursor ? 'AND (name, id) > ($3, $4)' : ''}
        ORDER BY name, id LIMIT $2`,
      [caller.organisationId, query.limit + 1, ...(cursor ?? [])],
    );
    const page = toPage(rows, query.limit, (r) => [r.name, r.id], toDto);
    await this.access.logList(
      caller,
      'agency.list',
      'agency',
      page.items.map((a) => a.id),
    );
    return page;
  }

  async create(caller: Caller, dto: CreateAgencyDto): Promise<AgencyDto> {
    if (dto.type !== 'school' && dto.schoolUnitCode) {
      throw new UnprocessableError('Only schools carry a school-unit code.', {
        errors: [{ field: 'schoolUnitCode', code: 'not-allowed-here', message: 'only schools have one' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const [row]: AgencyRow[] = await manager.query(
        `INSERT INTO agency (organisation_id, name, type, school_unit_code) VALUES ($1, $2, $3, $4) RETURNING *`,
        [caller.organisationId, dto.name.trim(), dto.type, dto.schoolUnitCode ?? null],
      );
      await this.access.logChange(caller, 'agency.create', 'agency', [row.id], manager);
      return toDto(row);
    });
  }
}

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agency.list')
  @ApiOperation({ summary: 'Agencies (enheter) of your own organisation.' })
  @ApiOkResponse({ type: pageSchema(AgencyDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<AgencyDto>> {
    return this.agencies.listOwn(caller, query);
  }

  @Post()
  @RequirePermission('agency.create')
  @ApiOperation({ summary: 'Create an agency in your own organisation.' })
  @ApiCreatedResponse({ type: AgencyDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(caller, dto);
  }
}
