/**
 * Test-only: the Stagelight actions registered on the test registry, over a
 * snapshot of given records, a power module on SQLite, cost reports without
 * Cost Explorer and a marker wait whose pauses only move the test clock.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { createCostModule, readCostSettings } from '../../cost';
import {
  makePower,
  MemoryEnvironmentStore,
  migrate,
  TestClock,
} from '../../power/__testUtils__/powerFixture';
import { DeployMarkerProbe } from '../../readiness/DeployMarkerProbe';
import { DeployMarkerWait } from '../../readiness/DeployMarkerWait';
import { MarkerWaiter } from '../../readiness/MarkerWaiter';
import { EnvironmentLookup } from '../../snapshot/EnvironmentLookup';
import { EnvironmentRecord } from '../../snapshot/EnvironmentRecord';
import { testConfig } from '../../__testUtils__/testSettings';
import { registerStagelightActions } from '../registerStagelightActions';

const NO_AWS = 'http://127.0.0.1:9';

export async function actionsFixture(o: {
  knex: Knex;
  records: EnvironmentRecord[];
  /** Permission names the caller is denied; everything else is allowed. */
  denied?: string[];
  /** What the environments' version endpoints answer; 503 by default. */
  probe?: DeployMarkerProbe;
  readiness?: Record<string, unknown>;
}) {
  await migrate(o.knex);
  const store = new MemoryEnvironmentStore();
  store.set(o.records);
  const clock = new TestClock(new Date('2026-06-10T12:00:00Z'));
  const stagelight = { readiness: o.readiness ?? {} };
  const power = makePower({
    knex: o.knex,
    endpoint: NO_AWS,
    store,
    clock,
    stagelight,
  });
  const denied = o.denied ?? [];
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: denied.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })) as any,
  });
  const cost = createCostModule({
    knex: o.knex,
    settings: readCostSettings(testConfig(NO_AWS)),
    // No Cost Explorer here: a refresh that fails leaves the reports without data.
    clientFactory: () => Promise.reject(new Error('no AWS in action tests')),
    clock,
    logger: mockServices.logger.mock(),
  });
  const probes: string[] = [];
  const probe: DeployMarkerProbe = o.probe ?? {
    probe: async url => {
      probes.push(url);
      return { ok: false, reason: 'HTTP 503' };
    },
  };
  const markerWait = new DeployMarkerWait({
    waiter: new MarkerWaiter({
      probe,
      clock,
      sleep: async ms => clock.advance(ms),
      pollIntervalMs: power.settings.readiness.pollIntervalMs,
    }),
    // Only the wait probes (through `probe`); the engine's wakes probe nothing.
    readiness: {
      ...power.settings.readiness,
      baseUrlTemplate: 'http://api.test/{clinic}/{stage}',
    },
  });
  const registry = actionsRegistryServiceMock();
  const stages = power.settings.stages.map(s => s.name);
  registerStagelightActions({
    actionsRegistry: registry,
    permissions,
    lookup: new EnvironmentLookup({ store, stages }),
    stages,
    power,
    markerWait,
    cost,
    clock,
  });
  const credentials = mockCredentials.user('user:default/ada');
  const invoke = (name: string, input: Record<string, unknown>) =>
    registry.invoke({ id: `test:${name}`, input: input as any, credentials });
  return { registry, power, clock, probes, invoke, credentials };
}
