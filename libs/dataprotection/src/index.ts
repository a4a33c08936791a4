export * from './dataprotection.module';
export * from './register-extract.dto';
export * from './retention/retention.dto';
export * from './retention/retention.rules';
export * from './retention/retention.service';
export * from './erasure.dto';
