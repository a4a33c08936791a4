import { Module } from '@nestjs/common';
import { AttendanceImportModule } from '@app/attendance';
import { StudentsModule } from '@app/students';
import { SourcesController } from './sources.controller';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';
import { SyncRunsRepository } from './sync-runs.repository';
import { SyncWritesRepository } from './sync-writes.repository';
import { SyncPersonsService } from './sync-persons.service';
import { SyncService } from './sync.service';
import { SyncScheduler } from './sync-scheduler';

/** SS 12000 sources, sync runs and the sync itself. */
@Module({
  imports: [StudentsModule, AttendanceImportModule],
  controllers: [SourcesController],
  providers: [
    SourcesService,
    SourcesRepository,
    SyncRunsRepository,
    SyncWritesRepository,
    SyncPersonsService,
    SyncService,
    SyncScheduler,
  ],
  exports: [SourcesService],
})
export class Ss12000Module {}
