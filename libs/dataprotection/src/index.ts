export * from './dataprotection.module';
export * from './register-extract.dto';
export * from './erasure.dto';
