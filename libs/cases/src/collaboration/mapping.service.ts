import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { ForbiddenError, NotFoundError, UnprocessableError } from '@app/http';
import { CaseAccess, CaseFacts, requireActive } from '../case-access';
import { CasesRepository } from '../cases.repository';
import { AddContributionDto, ContributionDto, EditContributionDto, MAPPING_SECTIONS, MappingDto } from './mapping.dto';
import { readableSections } from './mapping.rules';
import { ContributionRow, MappingRepository } from './mapping.repository';

/**
 * The mapping (kartläggning): each agency writes its own contributions, signed with author and
 * agency; everyone in the case reads them as far as consent allows; only the writing agency edits.
 */
@Injectable()
export class MappingService {
  constructor(
    private readonly repository: MappingRepository,
    private readonly caseRepository: CasesRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async get(caller: Caller, caseId: string): Promise<MappingDto> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'mapping.read' });
    const readable = readableSections(facts.scopes);
    if (!readable.size) {
      await this.access.forbid(caller, 'mapping.read', 'case', caseId, 'The consent does not cover the mapping.');
    }
    // An agency always sees its own words, even in a section its consent does not open.
    const rows = await this.repository.listForCase(this.repository.manager, caseId, [...readable], caller.agencyId);
    const contributions = rows.map((r) => this.toDto(caller, facts, r));
    await this.access.logList(
      caller,
      'mapping.read',
      'mapping_contribution',
      contributions.map((c) => c.id),
    );
    return {
      caseId,
      sections: MAPPING_SECTIONS.map((section) => ({
        section,
        visible: readable.has(section),
        contributions: contributions.filter((c) => c.section === section),
      })),
    };
  }

  async add(caller: Caller, caseId: string, dto: AddContributionDto): Promise<ContributionDto> {
    const text = this.text(dto.text);
    return this.repository.transaction(async (manager) => {
      // Seeing the case (mobilised, consent in force) is what lets an agency contribute; the
      // lock keeps a closing of the case from slipping in between.
      const facts = await this.cases.require(caller, caseId, {
        action: 'read',
        log: 'mapping.add',
        tx: manager,
        lock: true,
      });
      requireActive(facts);
      const id = await this.repository.insert(manager, {
        caseId,
        section: dto.section,
        agencyId: caller.agencyId,
        authorId: caller.userId,
        text,
      });
      await this.caseRepository.recordEvent(manager, caseId, caller, 'mapping.added', {
        contributionId: id,
        section: dto.section,
      });
      await this.access.logChange(caller, 'mapping.add', 'mapping_contribution', [id], manager);
      return this.load(manager, caller, facts, id);
    });
  }

  async edit(caller: Caller, caseId: string, contributionId: string, dto: EditContributionDto) {
    const text = this.text(dto.text);
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.require(caller, caseId, {
        action: 'read',
        log: 'mapping.edit',
        tx: manager,
        lock: true,
      });
      const row = await this.repository.findForEdit(manager, caseId, contributionId);
      const own = row?.agency_id === caller.agencyId;
      if (!own) {
        await this.access.logDenied(caller, 'mapping.edit', 'mapping_contribution', contributionId);
        // Another agency's contribution the caller can read: it knows it exists, but it is not theirs.
        if (row && readableSections(facts.scopes).has(row.section)) {
          throw new ForbiddenError('Only the agency that wrote a contribution edits it.');
        }
        throw new NotFoundError('contribution');
      }
      requireActive(facts);
      await this.repository.setText(manager, contributionId, text);
      await this.caseRepository.recordEvent(manager, caseId, caller, 'mapping.edited', {
        contributionId,
        section: row!.section,
      });
      await this.access.logChange(caller, 'mapping.edit', 'mapping_contribution', [contributionId], manager);
      return this.load(manager, caller, facts, contributionId);
    });
  }

  private text(input: string): string {
    const text = input.trim();
    if (!text) {
      throw new UnprocessableError('The text must not be blank.', {
        errors: [{ field: 'text', code: 'blank', message: 'must not be blank' }],
      });
    }
    return text;
  }

  private toDto(caller: Caller, facts: CaseFacts, r: ContributionRow): ContributionDto {
    return {
      id: r.id,
      section: r.section,
      text: r.text,
      author: { id: r.author_id, displayName: r.author_name },
      agency: { id: r.agency_id, name: r.agency_name, type: r.agency_type },
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      editable: r.agency_id === caller.agencyId && facts.status !== 'closed' && caller.permissions.has('mapping.write'),
    };
  }

  private async load(manager: EntityManager, caller: Caller, facts: CaseFacts, id: string): Promise<ContributionDto> {
    return this.toDto(caller, facts, (await this.repository.find(manager, id))!);
  }
}
