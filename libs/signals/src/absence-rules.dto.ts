import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { RULE_KINDS } from './rule-evaluation';

export class ParamBoundsDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() description: string;
}

export class AbsenceRuleDto {
  @ApiProperty({ enum: RULE_KINDS }) kind: string;
  @ApiProperty({ description: 'What the rule catches (Swedish).' }) description: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'The parameters in force: the default merged with the organisation override.',
    example: { percent: 10, weeks: 4 },
  })
  params: Record<string, number>;
  @ApiProperty({ description: 'True when your organisation has no override and the default applies.' })
  isDefault: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'The default parameters.' })
  defaults: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ParamBoundsDto' },
    description: 'Inclusive bounds of each parameter, as PUT enforces them.',
  })
  bounds: Record<string, ParamBoundsDto>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class AbsenceRuleListDto {
  @ApiProperty({ type: [AbsenceRuleDto] }) items: AbsenceRuleDto[];
}

export class UpdateAbsenceRuleDto {
  @ApiProperty({ description: 'A disabled rule never puts a pupil on the watch list.' })
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { percent: 15, weeks: 4 },
    description:
      'Whole numbers within the bounds GET /absence-rules shows. An omitted parameter takes its default; ' +
      'an unknown one, or one out of bounds, is a 400 naming `params.<name>`.',
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}
