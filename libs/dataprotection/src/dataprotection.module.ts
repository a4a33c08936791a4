import { Module } from '@nestjs/common';
import { StudentsModule } from '@app/students';
import { RegisterExtractController } from './register-extract.controller';
import { RegisterExtractRepository } from './register-extract.repository';
import { RegisterExtractService } from './register-extract.service';
import { RetentionModule } from './retention/retention.module';

/** Data protection over time: the register extract (art. 15) and retention (gallring). */
@Module({
  imports: [StudentsModule, RetentionModule],
  controllers: [RegisterExtractController],
  providers: [RegisterExtractService, RegisterExtractRepository],
})
export class DataProtectionModule {}
