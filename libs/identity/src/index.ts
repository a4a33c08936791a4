export * from './identity.module';
export * from './passwords';
