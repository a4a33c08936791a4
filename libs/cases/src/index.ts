export * from './case-access';
export * from './case-access.module';
export * from './cases.module';
export * from './timeline';
export * from './cases.service';
export * from './cases.dto';
export { loadPlan } from './plan/plan.service';
export * from './follow-up/suppression.rules';
export { PlanDto } from './plan/plan.dto';
