import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoInstant, PageQuery } from '@app/http';

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only entries of this user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'Only entries about this subject id (a pupil, a case, a user…).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ example: 'student' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  subjectType?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (exclusive), ISO 8601.' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}

export class AccessLogItem {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ example: 'student.read' }) action: string;
  @ApiProperty({ example: 'student' }) subjectType: string;
  @ApiProperty({ type: [String] }) subjectIds: string[];
  @ApiProperty({ enum: ['allowed', 'denied'] }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'Facts of a change beyond ids, e.g. `{ rolesBefore, rolesAfter }` of a change of who holds a role.',
  })
  detail: Record<string, unknown> | null;
}
