import { ApiProperty } from '@nestjs/swagger';

/** A user named in an answer (who flagged, who coordinates, who wrote). */
export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** An agency named in an answer. */
export class AgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['school', 'social_services', 'bup', 'habilitation', 'other'] }) type: string;
}
