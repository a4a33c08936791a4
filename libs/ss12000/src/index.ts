export * from './secrets';
export * from './source-url.rules';
export * from './sources.dto';
export * from './sources.service';
export * from './ss12000-client';
export * from './ss12000.module';
export * from './sync.rules';
export * from './sync.service';
