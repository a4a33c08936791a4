import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

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
