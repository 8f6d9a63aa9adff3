/**
 * Development sign-in as one of the demo organisation's people.
 *
 * @packageDocumentation
 */
export { authModuleStagelightDemoPersonas as default } from './module';
export { PERSONA_HEADER } from './personas';
export type { DemoPersona } from './personas';
