export * from './identity.module';
export * from './passwords';
export * from './organisation/organisation-terms';
