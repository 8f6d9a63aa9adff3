/**
 * The Stagelight default permission policy: everyone reads status, leads wake,
 * sleep and edit schedules, managers and leads read cost.
 *
 * @packageDocumentation
 */
export { permissionModuleStagelightPolicy as default } from './module';
export { StagelightPermissionPolicy } from './StagelightPermissionPolicy';
export { readRoleGroups, rolesOf, userMay, type RoleGroups, type StagelightRole } from './roles';
