import { CasesModule } from '@app/cases';
import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance';
import { StudentsModule } from '@app/students';
import { AbsenceRulesController } from './absence-rules.controller';
import { AbsenceRulesRepository } from './absence-rules.repository';
import { AbsenceRulesService } from './absence-rules.service';
import { FlagsController } from './flags.controller';
import { FlagsRepository } from './flags.repository';
import { FlagsService } from './flags.service';
import { GuardianNoticesController } from './guardian-notices.controller';
import { GuardianNoticesRepository } from './guardian-notices.repository';
import { GuardianNoticesService } from './guardian-notices.service';
import { InvestigationsController } from './investigations.controller';
import { InvestigationsRepository } from './investigations.repository';
import { InvestigationsService } from './investigations.service';
import { WatchlistController } from './watchlist.controller';
import { WatchlistRepository } from './watchlist.repository';
import { WatchlistService } from './watchlist.service';

/** Absence rules, the watch list, flags to elevhälsa, absence investigations and guardian notices. */
@Module({
  imports: [StudentsModule, AttendanceModule, CasesModule],
  controllers: [
    AbsenceRulesController,
    WatchlistController,
    FlagsController,
    InvestigationsController,
    GuardianNoticesController,
  ],
  providers: [
    AbsenceRulesService,
    AbsenceRulesRepository,
    WatchlistService,
    WatchlistRepository,
    FlagsService,
    FlagsRepository,
    InvestigationsService,
    InvestigationsRepository,
    GuardianNoticesService,
    GuardianNoticesRepository,
  ],
  exports: [AbsenceRulesService, WatchlistService, FlagsService],
})
export class SignalsModule {}
