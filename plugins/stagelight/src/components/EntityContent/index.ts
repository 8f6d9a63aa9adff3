export { EntityStagelightContent } from './EntityStagelightContent';
