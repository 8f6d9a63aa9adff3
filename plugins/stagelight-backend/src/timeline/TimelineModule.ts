import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { PowerTimelines, PowerTimelinesOptions } from './PowerTimelines';
import { createTimelineRouter } from './router';

/** The power timeline: built from what the status, power and cost modules keep. */
export interface TimelineModule {
  timelines: PowerTimelines;
  router(deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  }): express.Router;
}

export function createTimelineModule(o: PowerTimelinesOptions): TimelineModule {
  const timelines = new PowerTimelines(o);
  return {
    timelines,
    router: deps => createTimelineRouter({ ...deps, timelines }),
  };
}
