import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Clock, systemClock } from './Clock';

/**
 * The time Stagelight's schedules, leases, locks and snapshots run on: the
 * system clock by default. A replaceable service so that tests can move
 * several backends past a schedule boundary together.
 */
export const stagelightClockServiceRef = createServiceRef<Clock>({
  id: 'stagelight.clock',
  defaultFactory: async service =>
    createServiceFactory({ service, deps: {}, factory: () => systemClock }),
});
