import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from './notification-events';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'mobilisation.invited' }) kind: string;
  @ApiProperty({
    description: "Swedish; names a case only by its neutral reference, never the pupil's name or personnummer.",
    example: 'Ny inbjudan till ärende NT-2026-0042',
  })
  title: string;
  @ApiProperty({
    description: 'Path in the web app: /cases/:id, /flags/:id or /mobilisations.',
    example: '/inbjudningar',
  })
  link: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) flagId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) count: number;
}
