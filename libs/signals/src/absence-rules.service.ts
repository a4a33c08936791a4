import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { NotFoundError, ValidationError } from '@app/http';
import { AbsenceRuleDto, UpdateAbsenceRuleDto } from './absence-rules.dto';
import { AbsenceRulesRepository } from './absence-rules.repository';
import {
  effectiveRules,
  EffectiveRule,
  isRuleKind,
  RULE_DEFINITIONS,
  RULE_KINDS,
  RuleOverride,
  RuleSet,
  validateRuleParams,
} from './rule-evaluation';

const toDto = (rule: EffectiveRule): AbsenceRuleDto => ({
  kind: rule.kind,
  description: RULE_DEFINITIONS[rule.kind].description,
  enabled: rule.enabled,
  params: rule.params,
  isDefault: rule.isDefault,
  defaults: RULE_DEFINITIONS[rule.kind].defaults,
  bounds: RULE_DEFINITIONS[rule.kind].bounds,
  updatedAt: rule.updatedAt,
});

/** An organisation's absence rules: defaults from code, overrides from `absence_rule`. */
@Injectable()
export class AbsenceRulesService {
  constructor(
    private readonly repository: AbsenceRulesRepository,
    private readonly access: AccessService,
  ) {}

  /** The rules in force for an organisation. */
  async rulesFor(organisationId: string, manager: EntityManager = this.repository.manager): Promise<RuleSet> {
    const rows = await this.repository.overrides(manager, organisationId);
    return effectiveRules(
      rows.map((r): RuleOverride => ({
        kind: r.kind,
        enabled: r.enabled,
        params: r.params,
        updatedAt: r.updated_at.toISOString(),
      })),
    );
  }

  async list(caller: Caller): Promise<AbsenceRuleDto[]> {
    const rules = await this.rulesFor(caller.organisationId);
    return RULE_KINDS.map((kind) => toDto(rules[kind]));
  }

  async update(caller: Caller, kind: string, dto: UpdateAbsenceRuleDto): Promise<AbsenceRuleDto> {
    if (!isRuleKind(kind)) throw new NotFoundError('absence rule');
    const { params, errors } = validateRuleParams(kind, dto.params ?? {});
    if (errors.length) throw new ValidationError(errors);
    return this.repository.transaction(async (manager) => {
      await this.repository.save(manager, {
        organisationId: caller.organisationId,
        kind,
        enabled: dto.enabled,
        params,
        updatedBy: caller.userId,
      });
      await this.access.logChange(
        caller,
        'absenceRule.update',
        'absence_rule',
        [`${caller.organisationId}/${kind}`],
        manager,
      );
      return toDto((await this.rulesFor(caller.organisationId, manager))[kind]);
    });
  }
}
