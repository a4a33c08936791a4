import { Global, Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationTermsService } from './organisation-terms.service';

/** Global: every module that names a term reads the organisation's dates through OrganisationTermsService. */
@Global()
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationRepository, OrganisationTermsService],
  exports: [OrganisationTermsService],
})
export class OrganisationModule {}
