export { DeadLetterText, QueueDepthText } from './QueueDepthText';
export {
  DataAgeLabel,
  PowerStateLabel,
  ProtectedLabel,
  ReadinessLabel,
} from './StateLabels';
export { StatusLabel } from './StatusLabel';
export type { StatusTone } from './StatusLabel';
