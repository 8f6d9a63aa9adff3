/**
 * Stagelight for the new frontend system: the plugin (the default export,
 * which apps discover) and each of its extensions.
 *
 * @packageDocumentation
 */
import type { ReactElement } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  RiFileListLine,
  RiStethoscopeLine,
  RiLightbulbFlashLine,
  RiMoneyDollarCircleLine,
} from '@remixicon/react';
import { StagelightClient, stagelightApiRef } from './api';
import { isStagelightAvailable } from './entity/clinicOfEntity';
import { auditRouteRef as legacyAuditRouteRef } from './routes';

const rootRouteRef = createRouteRef();
const costRouteRef = createRouteRef();
const doctorRouteRef = createRouteRef();
// The fleet page (shared by both systems) links to the audit page, so both use the legacy ref.
const auditRouteRef = convertLegacyRouteRef(legacyAuditRouteRef);

/**
 * A page loader: the page's view inside core-components' Content, both
 * loaded only when the page is first shown.
 */
function inContent(view: () => Promise<ReactElement>) {
  return () =>
    Promise.all([import('@backstage/core-components'), view()]).then(
      ([{ Content }, element]) => <Content>{element}</Content>,
    );
}

/**
 * The Stagelight API client for the new frontend system.
 *
 * @alpha
 */
export const stagelightApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: stagelightApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new StagelightClient(deps),
    }),
});

/**
 * The fleet page at /stagelight; its title and icon give the "Stagelight" nav item.
 *
 * @alpha
 */
export const stagelightFleetPage = PageBlueprint.make({
  params: {
    path: '/stagelight',
    title: 'Stagelight',
    icon: <RiLightbulbFlashLine />,
    routeRef: rootRouteRef,
    loader: inContent(() =>
      import('./components/Fleet').then(m => <m.FleetView />),
    ),
  },
});

/**
 * The cost page at /stagelight/cost, for managers and leads (`stagelight.cost.read`).
 *
 * @alpha
 */
export const stagelightCostPage = PageBlueprint.make({
  name: 'cost',
  params: {
    path: '/stagelight/cost',
    title: 'Stagelight cost',
    icon: <RiMoneyDollarCircleLine />,
    routeRef: costRouteRef,
    loader: inContent(() =>
      import('./components/Cost').then(m => <m.CostView />),
    ),
  },
});

/**
 * The fleet's audit trail at /stagelight/audit, linked from the fleet page.
 *
 * @alpha
 */
export const stagelightAuditPage = PageBlueprint.make({
  name: 'audit',
  params: {
    path: '/stagelight/audit',
    title: 'Stagelight audit',
    icon: <RiFileListLine />,
    routeRef: auditRouteRef,
    loader: inContent(() =>
      import('./components/Audit').then(m => <m.FleetAudit />),
    ),
  },
});

/**
 * The doctor at /stagelight/doctor: per account and region, why clinics are or are not seen.
 *
 * @alpha
 */
export const stagelightDoctorPage = PageBlueprint.make({
  name: 'doctor',
  params: {
    path: '/stagelight/doctor',
    title: 'Stagelight doctor',
    icon: <RiStethoscopeLine />,
    routeRef: doctorRouteRef,
    loader: inContent(() =>
      import('./components/Doctor').then(m => <m.DoctorView />),
    ),
  },
});

/**
 * The "Stages" tab on a clinic's System and Components.
 *
 * @alpha
 */
export const stagelightEntityContent = EntityContentBlueprint.make({
  name: 'stages',
  params: {
    path: 'stagelight',
    title: 'Stages',
    group: 'deployment',
    filter: isStagelightAvailable,
    loader: () =>
      import('./components/EntityContent').then(m => (
        <m.EntityStagelightContent />
      )),
  },
});

/**
 * Stagelight for the new frontend system (discovered as the default export).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'stagelight',
  title: 'Stagelight',
  icon: <RiLightbulbFlashLine />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    cost: costRouteRef,
    audit: auditRouteRef,
    doctor: doctorRouteRef,
  },
  extensions: [
    stagelightApi,
    stagelightFleetPage,
    stagelightCostPage,
    stagelightAuditPage,
    stagelightDoctorPage,
    stagelightEntityContent,
  ],
});
