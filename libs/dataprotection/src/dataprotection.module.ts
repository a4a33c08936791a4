import { Module } from '@nestjs/common';
import { StudentsModule } from '@app/students';
import { ErasureController } from './erasure.controller';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { RegisterExtractController } from './register-extract.controller';
import { RegisterExtractRepository } from './register-extract.repository';
import { RegisterExtractService } from './register-extract.service';
import { RetentionModule } from './retention/retention.module';

/** Data protection over time: the register extract (art. 15), erasure on request (art. 17) and retention (gallring). */
@Module({
  imports: [StudentsModule, RetentionModule],
  controllers: [RegisterExtractController, ErasureController],
  providers: [RegisterExtractService, RegisterExtractRepository, ErasureService, ErasureRepository],
})
export class DataProtectionModule {}
