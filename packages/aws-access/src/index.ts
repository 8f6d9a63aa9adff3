/**
 * The AWS access the Stagelight portal needs (docs/architecture.md, "The AWS
 * access"): the list of actions, the policies generated from it, the hub and
 * spoke constructs and the template stacks behind `templates/*.yaml`.
 *
 * @packageDocumentation
 */
export * from './actions';
export * from './policy';
export {
  StagelightSpoke,
  DEFAULT_SPOKE_ROLE_NAME,
  type StagelightSpokeProps,
} from './constructs/StagelightSpoke';
export {
  StagelightHub,
  type StagelightHubProps,
} from './constructs/StagelightHub';
export { HubTemplateStack } from './templates/HubTemplateStack';
export { SpokeTemplateStack } from './templates/SpokeTemplateStack';
export {
  synthesizeTemplates,
  templateYaml,
  TEMPLATE_FILES,
  type SynthesizedTemplates,
} from './templates/synthesizeTemplates';
