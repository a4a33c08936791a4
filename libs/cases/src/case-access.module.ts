import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access';
import { CasesRepository } from './cases.repository';

/** The way into a case, shared by every case module (cases, consent, mobilisation, meetings, mapping). */
@Module({ providers: [CaseAccess, CasesRepository], exports: [CaseAccess, CasesRepository] })
export class CaseAccessModule {}
