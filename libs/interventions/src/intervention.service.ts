import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, NotFoundError, Page, toPage } from '@app/http';
import {
  CreateInterventionDto,
  InterventionDto,
  InterventionListQuery,
  UpdateInterventionDto,
} from './intervention.dto';
import { InterventionRepository, InterventionRow, InterventionValues } from './intervention.repository';
import { cleanText } from './intervention.rules';

export const toInterventionDto = (r: InterventionRow): InterventionDto => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  description: r.description,
  providerAgencyType: r.provider_agency_type,
  evidenceBased: r.evidence_based,
  targetGroup: r.target_group,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * The intervention catalogue of the caller's own organisation. Administrators keep it;
 * coordinators and agencies read it to choose from. It holds no personal data.
 */
@Injectable()
export class InterventionService {
  constructor(
    private readonly repository: InterventionRepository,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, query: InterventionListQuery): Promise<Page<InterventionDto>> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const active = query.active === undefined ? null : query.active === 'true';
    const rows = await this.repository.page(caller.organisationId, active, query.limit + 1, after);
    return toPage(rows, query.limit, (r) => [r.name, r.id], toInterventionDto);
  }

  async create(caller: Caller, dto: CreateInterventionDto): Promise<InterventionDto> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.insert(manager, caller.organisationId, caller.userId, {
        name: dto.name.trim(),
        description: cleanText(dto.description),
        providerAgencyType: dto.providerAgencyType,
        evidenceBased: dto.evidenceBased,
        targetGroup: cleanText(dto.targetGroup),
        active: dto.active,
      });
      await this.access.logChange(caller, 'intervention.create', 'intervention', [row.id], manager);
      return toInterventionDto(row);
    });
  }

  /** Another organisation's intervention does not exist for the caller (404). */
  async update(caller: Caller, id: string, dto: UpdateInterventionDto): Promise<InterventionDto> {
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.findOwnForUpdate(manager, caller.organisationId, id);
      if (!current) {
        await this.access.logDenied(caller, 'intervention.update', 'intervention', id);
        throw new NotFoundError('intervention');
      }
      const values: InterventionValues = {
        name: dto.name?.trim() ?? current.name,
        description: dto.description === undefined ? current.description : cleanText(dto.description),
        providerAgencyType: dto.providerAgencyType ?? current.provider_agency_type,
        evidenceBased: dto.evidenceBased ?? current.evidence_based,
        targetGroup: dto.targetGroup === undefined ? current.target_group : cleanText(dto.targetGroup),
        active: dto.active ?? current.active,
      };
      const row = await this.repository.update(manager, id, caller.userId, values);
      await this.access.logChange(caller, 'intervention.update', 'intervention', [row.id], manager);
      return toInterventionDto(row);
    });
  }
}
