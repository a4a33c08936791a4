export * from './access-log.service';
export * from './access-policy';
export * from './access.module';
export * from './access.service';
export * from './caller';
export * from './decorators';
export * from './permissions';
export * from './access-log.entity';
