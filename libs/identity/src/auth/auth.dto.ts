import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'mentor@storsjo.demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'Demo-2026!' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header.' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; exchange it once at /auth/refresh.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 }) expiresIn: number;
}

export class AgencySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['school', 'social_services', 'bup', 'habilitation', 'other'] }) type: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: AgencySummaryDto }) agency: AgencySummaryDto;
}
