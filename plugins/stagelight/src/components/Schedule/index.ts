export { EnvironmentSchedule } from './EnvironmentSchedule';
export type { EnvironmentScheduleProps } from './EnvironmentSchedule';
