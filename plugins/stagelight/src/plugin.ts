import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { StagelightClient, stagelightApiRef } from './api';
import {
  auditRouteRef,
  costRouteRef,
  doctorRouteRef,
  rootRouteRef,
} from './routes';

/**
 * Stagelight in the legacy frontend system.
 *
 * @public
 */
export const stagelightPlugin = createPlugin({
  id: 'stagelight',
  routes: {
    root: rootRouteRef,
    cost: costRouteRef,
    audit: auditRouteRef,
    doctor: doctorRouteRef,
  },
  apis: [
    createApiFactory({
      api: stagelightApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new StagelightClient(deps),
    }),
  ],
});

// The extensions below are typed as plain components: inferred, their types
// would name the lazily loaded page components, which are not exported.
/**
 * The fleet page: every clinic's environments. Mount it under a route, e.g.
 * `<Route path="/stagelight" element={<StagelightPage />} />`.
 *
 * @public
 */
export const StagelightPage: () => JSX.Element = stagelightPlugin.provide(
  createRoutableExtension({
    name: 'StagelightPage',
    component: () => import('./components/Fleet').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The cost page: month to date by stage and clinic, daily cost, forecasts,
 * savings and schedule projections; users without `stagelight.cost.read` see
 * an explanation instead. Mount it under a route, e.g.
 * `<Route path="/stagelight/cost" element={<StagelightCostPage />} />`.
 *
 * @public
 */
export const StagelightCostPage: () => JSX.Element = stagelightPlugin.provide(
  createRoutableExtension({
    name: 'StagelightCostPage',
    component: () => import('./components/Cost').then(m => m.CostPage),
    mountPoint: costRouteRef,
  }),
);

/**
 * The fleet's audit trail: every wake, sleep, lease and schedule change,
 * allowed or denied. The fleet page links to it, so mount it too, e.g.
 * `<Route path="/stagelight/audit" element={<StagelightAuditPage />} />`.
 *
 * @public
 */
export const StagelightAuditPage: () => JSX.Element = stagelightPlugin.provide(
  createRoutableExtension({
    name: 'StagelightAuditPage',
    component: () => import('./components/Audit').then(m => m.AuditPage),
    mountPoint: auditRouteRef,
  }),
);

/**
 * The doctor: per configured account and region, whether the role was
 * assumed, which permissions are there, what carries the tags and what no
 * environment takes; readiness URLs; cost allocation tags. Platform admins
 * (`stagelight.admin`) see the details. Mount it, e.g.
 * `<Route path="/stagelight/doctor" element={<StagelightDoctorPage />} />`.
 *
 * @public
 */
export const StagelightDoctorPage: () => JSX.Element = stagelightPlugin.provide(
  createRoutableExtension({
    name: 'StagelightDoctorPage',
    component: () => import('./components/Doctor').then(m => m.DoctorPage),
    mountPoint: doctorRouteRef,
  }),
);

/**
 * The stage board and pipeline of the clinic an entity belongs to; use it as
 * an entity page tab guarded by `isStagelightAvailable`.
 *
 * @public
 */
export const EntityStagelightContent: () => JSX.Element =
  stagelightPlugin.provide(
    createComponentExtension({
      name: 'EntityStagelightContent',
      component: {
        lazy: () =>
          import('./components/EntityContent').then(
            m => m.EntityStagelightContent,
          ),
      },
    }),
  );
