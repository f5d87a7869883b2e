/** evaluation's front door (server side; its pure rules are in ./domain). */
export { EVALUATION_ENTITIES } from './evaluation.entities';
export { CommissionService } from './commission.service';
export { EvaluationModule } from './evaluation.module';
export { FormalCheckService } from './formal-check.service';
export { RankingService } from './ranking.service';
export * from './domain';
