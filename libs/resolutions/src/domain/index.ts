// The resolutions' pure rules (drafts, lines, the annex).
export * from './draft-lines';
export * from './line-edit.rules';
export * from './part-totals';
export * from './resolution-annex';
export * from './resolution-state.rules';
export * from './resolution.types';
export * from './resolutions-errors';
export * from './adoption.rules';
