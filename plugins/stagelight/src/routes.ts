import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page in the legacy frontend system. */
export const rootRouteRef = createRouteRef({ id: 'stagelight' });

/** The cost page in the legacy frontend system. */
export const costRouteRef = createRouteRef({ id: 'stagelight-cost' });

/** The fleet audit page; shared by both frontend systems so the fleet page can link to it. */
export const auditRouteRef = createRouteRef({ id: 'stagelight-audit' });

/** The doctor page (per account and region: access, permissions, tags, readiness, cost tags). */
export const doctorRouteRef = createRouteRef({ id: 'stagelight-doctor' });
