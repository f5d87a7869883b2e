/** resolutions' front door: its module, the service the apps call, its tables. */
export { RESOLUTIONS_ENTITIES } from './resolutions.entities';
export { ResolutionAnnexDocuments } from './resolution-annex-documents';
export { ResolutionsModule } from './resolutions.module';
export { ResolutionsService, type LineEditCommand, type ResolutionEditView } from './resolutions.service';
export * from './domain';
export { ResolutionAdoptionModule } from './adoption/resolution-adoption.module';
export { ResolutionAdoptionService, type AdoptedLine, type AdoptionCommand, type AdoptionResult } from './adoption/adoption.service';
