import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { PersonRefDto, AgencyRefDto } from '@app/http';

/** PRODUCT.md's sections of the mapping (kartläggning), in the order they are shown. */
export const MAPPING_SECTIONS = [
  'school',
  'health',
  'home_family',
  'leisure_friends',
  'pupil_view',
  'guardian_view',
] as const;
export type MappingSection = (typeof MAPPING_SECTIONS)[number];

export class AddContributionDto {
  @ApiProperty({
    enum: MAPPING_SECTIONS,
    description: "`pupil_view` is the pupil's own view (elevens röst), `guardian_view` the guardians'.",
  })
  @IsIn(MAPPING_SECTIONS)
  section: MappingSection;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;
}

export class EditContributionDto {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MAPPING_SECTIONS }) section: MappingSection;
  @ApiProperty() text: string;
  @ApiProperty({ type: PersonRefDto, description: 'Who wrote it (signed).' }) author: PersonRefDto;
  @ApiProperty({ type: AgencyRefDto, description: 'For which agency (signed).' }) agency: AgencyRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Whether you may edit it: only its own agency, while the case is not closed.' })
  editable: boolean;
}

export class MappingSectionDto {
  @ApiProperty({ enum: MAPPING_SECTIONS }) section: MappingSection;
  @ApiProperty({
    description:
      "False when your agency's consent does not cover the section: you then see only your own contributions in it.",
  })
  visible: boolean;
  @ApiProperty({ type: [ContributionDto] }) contributions: ContributionDto[];
}

export class MappingDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: [MappingSectionDto], description: 'Every section, always in the same order.' })
  sections: MappingSectionDto[];
}
