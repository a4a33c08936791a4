import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, PageQuery, toPage, UnprocessableError } from '@app/http';
import { AgencyDto, CreateAgencyDto } from './agencies.dto';
import { AgenciesRepository, AgencyRow } from './agencies.repository';

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
    private readonly agencies: AgenciesRepository,
    private readonly access: AccessService,
  ) {}

  async listOwn(caller: Caller, query: PageQuery): Promise<Page<AgencyDto>> {
    const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows = await this.agencies.page(caller.organisationId, query.limit, cursor);
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
    return this.agencies.transaction(async (tx) => {
      const row = await this.agencies.insert(tx, {
        organisationId: caller.organisationId,
        name: dto.name.trim(),
        type: dto.type,
        schoolUnitCode: dto.schoolUnitCode ?? null,
      });
      await this.access.logChange(caller, 'agency.create', 'agency', [row.id], tx);
      return toDto(row);
    });
  }
}
