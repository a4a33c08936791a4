import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@app/access';

export class RoleGrantDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The administrator who made the change.' })
  byUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) byDisplayName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) rolesBefore: Role[];
  @ApiProperty({ enum: ROLES, isArray: true }) rolesAfter: Role[];
}

export class SchoolAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: RoleGrantDto,
    nullable: true,
    description: 'The latest change that gave the account a role (creation included); null if none was recorded.',
  })
  latestGrant: RoleGrantDto | null;
}
