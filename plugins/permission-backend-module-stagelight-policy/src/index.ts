/**
 * The Stagelight default permission policy: everyone reads status, leads wake,
 * sleep and edit schedules of the clinics their groups own (and of unowned
 * ones), managers and leads read cost.
 *
 * @packageDocumentation
 */
export { permissionModuleStagelightPolicy as default } from './module';
export {
  StagelightPermissionPolicy,
  type StagelightPolicyOptions,
} from './StagelightPermissionPolicy';
export {
  readRoleGroups,
  rolesOf,
  userMay,
  type RoleGroups,
  type StagelightRole,
} from './roles';
