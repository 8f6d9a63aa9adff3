import { PowerState } from '@stagelight/backstage-plugin-stagelight-common';
import { EnvironmentRecord } from '../snapshot/EnvironmentRecord';

/** Power states in which an environment runs compute now, and so costs money by the hour. */
export const AWAKE_NOW: readonly PowerState[] = ['awake', 'partial'];

export interface EnvironmentFilter {
  /** Only environments awake or partial now. */
  awake?: boolean;
  clinic?: string;
  stage?: string;
}

/** The snapshot's environments a filter keeps, in snapshot order. */
export function filterEnvironments(
  records: readonly EnvironmentRecord[],
  filter: EnvironmentFilter,
): EnvironmentRecord[] {
  return records.filter(
    r =>
      (filter.clinic === undefined || r.clinic === filter.clinic) &&
      (filter.stage === undefined || r.stage === filter.stage) &&
      (!filter.awake || AWAKE_NOW.includes(r.power)),
  );
}
