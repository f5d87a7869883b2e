/** evaluation's front door (server side; its pure rules are in ./domain). */
export { EVALUATION_ENTITIES } from './evaluation.entities';
export { CommissionService } from './commission.service';
export { CommissionMinutesService } from './commission-minutes.service';
export { EvaluationModule } from './evaluation.module';
export { EvaluationPortsModule } from './evaluation-ports.module';
export { FormalCheckService } from './formal-check.service';
export { RankingService } from './ranking.service';
export * from './domain';
