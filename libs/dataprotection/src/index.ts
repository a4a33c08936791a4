export * from './dataprotection.module';
export * from './register-extract.dto';
