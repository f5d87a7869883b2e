import { ResolutionLineEntity } from './resolution-line.entity';
import { ResolutionEntity } from './resolution.entity';

/** resolutions' tables: the resolution and its annex's lines. */
export const RESOLUTIONS_ENTITIES = [ResolutionEntity, ResolutionLineEntity];
