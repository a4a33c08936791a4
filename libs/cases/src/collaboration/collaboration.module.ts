import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../case-access.module';

/** Mobilisation of agencies, the joint meetings and the mapping (kartläggning). */
@Module({ imports: [CaseAccessModule] })
export class CaseCollaborationModule {}
