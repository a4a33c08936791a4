import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class OidcExchangeDto {
  @ApiProperty({
    description: "The one-time code the callback put in the web app's address (`/logga-in/kommunens-konto#kod=…`).",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  code: string;
}

export class OidcStatusDto {
  @ApiProperty({ description: "Whether single sign-on through the organisation's provider is configured." })
  enabled: boolean;
}
