import { Global, Module } from '@nestjs/common';
import { SchoolDirectory } from '@app/access';
import { OrganisationController } from './organisation.controller';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationTermsService } from './organisation-terms.service';

/**
 * Global: every module that names a term reads the organisation's dates through
 * OrganisationTermsService, and the access layer tells schools through SchoolDirectory.
 */
@Global()
@Module({
  controllers: [OrganisationController],
  providers: [
    OrganisationRepository,
    OrganisationTermsService,
    // The access layer's way to tell a school (AccessService.requireSchool).
    { provide: SchoolDirectory, useExisting: OrganisationRepository },
  ],
  exports: [OrganisationTermsService, SchoolDirectory],
})
export class OrganisationModule {}
