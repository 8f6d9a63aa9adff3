/**
 * Scaffolder actions for onboarding a clinic onto Stagelight (the new-clinic
 * template in templates/new-clinic uses them).
 *
 * @packageDocumentation
 */
export { scaffolderModuleStagelight as default } from './module';
export {
  createValidateClinicAction,
  VALIDATE_CLINIC_ACTION_ID,
} from './actions/validateClinic';
export {
  createWriteClinicConfigAction,
  WRITE_CLINIC_CONFIG_ACTION_ID,
  CLINIC_CONFIG_FILE,
} from './actions/writeClinicConfig';
export {
  createCopyStackAction,
  COPY_STACK_ACTION_ID,
} from './actions/copyStack';
export {
  createWriteCatalogInfoAction,
  WRITE_CATALOG_INFO_ACTION_ID,
} from './actions/writeCatalogInfo';
export {
  clinicEntities,
  type ClinicEntitiesOptions,
} from './catalog/clinicEntities';
export {
  checkClinicForm,
  clinicConfigFromForm,
  ClinicFormError,
  type ClinicForm,
  type StageLocation,
} from './clinic/clinicForm';
export { clinicIdProblem } from './clinic/clinicIdProblem';
export {
  writeGeneratedRepository,
  installedStackSources,
  type StackSources,
  type GeneratedRepositoryOptions,
  type GeneratedRepositoryResult,
} from './stack/generatedRepository';
