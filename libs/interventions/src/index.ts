export * from './interventions.module';
export * from './intervention.dto';
export * from './intervention.rules';
export * from './course.dto';
export * from './intervention-stats.dto';
export * from './intervention-course.entity';
export * from './intervention-follow-up.entity';
export * from './intervention.entity';
export { InterventionRepository, type InterventionRecord } from './intervention.repository';
