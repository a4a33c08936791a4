export * from './absence-rules.service';
export * from './flags.service';
export * from './rule-evaluation';
export * from './signals.module';
export * from './watchlist.service';
