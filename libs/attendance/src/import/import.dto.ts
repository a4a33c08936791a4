import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const IMPORT_MODES = ['all_or_nothing', 'partial'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportFormat = 'csv' | 'ss12000';
export type ImportStatus = 'running' | 'completed' | 'rejected' | 'failed';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'all_or_nothing',
    description:
      '`all_or_nothing` (default): any invalid row rejects the whole file (422 with the report). ' +
      '`partial`: the valid rows are written, the others are reported.',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES, { message: 'mode must be all_or_nothing or partial' })
  mode?: ImportMode;
}

export class ImportErrorDto {
  @ApiProperty({
    example: 14,
    description: 'Line of the file (the CSV header is line 1; for JSON, where the object starts).',
  })
  line: number;
  @ApiProperty({
    example: 'personnummer',
    description: 'Column (CSV) or member path (JSON), or `row`/`file`/`header`/`encoding`.',
  })
  field: string;
  @ApiProperty({
    example: 'invalid-personnummer',
    description:
      'Machine-readable and stable (clients word it themselves): `invalid-date`, `in-future`, `invalid-time`, ' +
      '`invalid-minutes`, `minutes-exceed-offered`, `invalid-personnummer`, `unknown-pupil`, `duplicate-lesson`, ' +
      '`wrong-field-count`, `invalid-header`, `invalid-file`, ….',
  })
  code: string;
  @ApiProperty({ example: 'the check digit is wrong', description: 'Why, in English; never quotes the value.' })
  reason: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['csv', 'ss12000'] }) format: ImportFormat;
  @ApiProperty({ enum: IMPORT_MODES }) mode: ImportMode;
  @ApiProperty({ enum: ['running', 'completed', 'rejected', 'failed'] }) status: ImportStatus;
  @ApiProperty({ description: 'Data rows read (without the CSV header).' }) rowsTotal: number;
  @ApiProperty({ description: 'Rows written (unchanged rows included: a re-import changes nothing).' })
  rowsImported: number;
  @ApiProperty({ description: 'Rows with at least one problem.' }) rowsRejected: number;
  @ApiProperty({ type: [ImportErrorDto], description: 'The first 100 problems, by line.' })
  errors: ImportErrorDto[];
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}
