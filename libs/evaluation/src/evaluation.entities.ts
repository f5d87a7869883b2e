import { ConflictDeclarationEntity } from './conflict-declaration.entity';
import { ScoreSheetEntity } from './score-sheet.entity';

/** evaluation's tables. */
export const EVALUATION_ENTITIES = [ConflictDeclarationEntity, ScoreSheetEntity];
