import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access';

/** The way into a case, shared by every case module (cases, consent, mobilisation, meetings, mapping). */
@Module({ providers: [CaseAccess], exports: [CaseAccess] })
export class CaseAccessModule {}
