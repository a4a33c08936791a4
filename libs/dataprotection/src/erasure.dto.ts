import { ApiProperty } from '@nestjs/swagger';

/** Why a pupil's data is kept (GDPR art. 17(3)): each a statutory duty, see docs/DATA-PROTECTION.md. */
export const ERASURE_REFUSAL_CODES = ['kept-case', 'kept-flag', 'kept-investigation', 'kept-guardian-notice'] as const;
export type ErasureRefusalCode = (typeof ERASURE_REFUSAL_CODES)[number];

/** The English reason for developers; the web app shows its own Swedish text for the code. */
export const ERASURE_REFUSAL_REASONS: Record<ErasureRefusalCode, string> = {
  'kept-case':
    'The pupil has a case (open or closed): its documentation is kept for the public task and the archive duty.',
  'kept-flag': 'The pupil has been reported to elevhälsa (a flag): the report is kept by its retention rule.',
  'kept-investigation':
    'An absence investigation has been made (skollagen 7:19 a): the record of the legal duty is kept.',
  'kept-guardian-notice':
    'Guardians have been notified of absence (skollagen 7:19 a): the record of the legal duty is kept.',
};

/** One reason in the 409 answer of `DELETE /students/:id` (its `reasons` member). */
export class ErasureRefusalDto {
  @ApiProperty({ enum: ERASURE_REFUSAL_CODES }) code: ErasureRefusalCode;
  @ApiProperty({ description: 'English explanation; clients show their own text for the code.' }) message: string;
}
