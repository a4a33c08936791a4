import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { NotFoundError, ValidationError } from '@app/http';
import { AbsenceRuleDto, UpdateAbsenceRuleDto } from './absence-rules.dto';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The rules in force for an organisation. */
  async rulesFor(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<RuleSet> {
    const rows: { kind: string; enabled: boolean; params: Record<string, unknown>; updated_at: Date }[] =
      await manager.query(`SELECT kind, enabled, params, updated_at FROM absence_rule WHERE organisation_id = $1`, [
        organisationId,
      ]);
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
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO absence_rule (organisation_id, kind, enabled, params, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (organisation_id, kind) DO UPDATE
            SET enabled = excluded.enabled, params = excluded.params, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at`,
        [caller.organisationId, kind, dto.enabled, JSON.stringify(params), caller.userId],
      );
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
