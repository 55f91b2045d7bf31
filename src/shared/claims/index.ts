/** The claims model (issue 15): fields, values, the template, the actor registry and its matching. */
export * from './fields';
export * from './values';
export * from './template';
export * from './registry';
export * from './registryOps';
export * from './registryCsv';
export * from './typeahead';
export * from './mentions';
export * from './claimCsv';
export * from './formatV2';
export {
  migrateProjectV2toV3,
  migrateDocumentV2toV3,
  claimantActorId,
  type MigratedProject,
  type MigratedDocument,
} from './migrateV2';
export { foldName, withoutClitics } from './fold';
export { MAX_FIELDS, MAX_CHOICES, MAX_ENTITIES, MAX_ALIASES, MAX_NAME } from './names';
