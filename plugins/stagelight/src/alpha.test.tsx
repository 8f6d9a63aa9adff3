import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';
import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import stagelightPlugin, {
  stagelightAuditPage,
  stagelightDoctorPage,
  stagelightCostPage,
  stagelightEntityContent,
  stagelightFleetPage,
} from './alpha';
import {
  costSummary,
  environmentCost,
  stageForecast,
} from './__testUtils__/costFixtures';
import { stagelightApiRef } from './api';
import {
  ASLEEP,
  auditRecord,
  clinicSystem,
  detail,
  emptyFleetApi,
  fleetOf,
  mockStagelightApi,
} from './__testUtils__/fixtures';

/** An entity page of `entity` with the Stages tab installed, in a test app. */
function renderEntityPage(
  api: ReturnType<typeof mockStagelightApi>,
  entity: Entity,
) {
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), stagelightEntityContent],
    apis: [[stagelightApiRef, api]],
  });
}

describe('new frontend system plugin', () => {
  it('is the stagelight plugin with its API, page and entity content', () => {
    expect(stagelightPlugin.pluginId).toBe('stagelight');
    expect(stagelightPlugin.title).toBe('Stagelight');
    // The ids are what app-config uses to configure or disable each extension.
    expect(stagelightPlugin.getExtension('api:stagelight')).toBeDefined();
    expect(stagelightPlugin.getExtension('page:stagelight')).toBeDefined();
    expect(stagelightPlugin.getExtension('page:stagelight/cost')).toBeDefined();
    expect(
      stagelightPlugin.getExtension('page:stagelight/audit'),
    ).toBeDefined();
    expect(
      stagelightPlugin.getExtension('entity-content:stagelight/stages'),
    ).toBeDefined();
    expect(() =>
      stagelightPlugin.getExtension('page:other' as 'page:stagelight'),
    ).toThrow();
  });

  it('mounts the fleet page at /stagelight with the Stagelight nav title', () => {
    const tester = createExtensionTester(stagelightFleetPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/stagelight');
    expect(tester.get(coreExtensionData.title)).toBe('Stagelight');
  });

  it('mounts the cost page at /stagelight/cost with its own title and route', () => {
    const tester = createExtensionTester(stagelightCostPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/stagelight/cost');
    expect(tester.get(coreExtensionData.title)).toBe('Stagelight cost');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      stagelightPlugin.routes.cost,
    );
  });

  it('mounts the audit page at /stagelight/audit on the shared audit route', () => {
    const tester = createExtensionTester(stagelightAuditPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/stagelight/audit');
    expect(tester.get(coreExtensionData.title)).toBe('Stagelight audit');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      stagelightPlugin.routes.audit,
    );
  });

  it('mounts the doctor at /stagelight/doctor with its own title and route', () => {
    const tester = createExtensionTester(stagelightDoctorPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/stagelight/doctor');
    expect(tester.get(coreExtensionData.title)).toBe('Stagelight doctor');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      stagelightPlugin.routes.doctor,
    );
    expect(
      stagelightPlugin.getExtension('page:stagelight/doctor'),
    ).toBeDefined();
  });

  it('links the fleet page to the audit page, which shows the fleet audit', async () => {
    const api = emptyFleetApi();
    api.getAudit.mockResolvedValue({ items: [auditRecord()] });

    renderTestApp({
      features: [stagelightPlugin],
      apis: [[stagelightApiRef, api]],
      initialRouteEntries: ['/stagelight'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const link = await screen.findByRole('link', { name: 'Audit trail' });
    expect(link).toHaveAttribute('href', '/stagelight/audit');
    await userEvent.click(link);
    expect(
      await screen.findByRole('table', { name: 'Audit trail of the fleet' }),
    ).toHaveTextContent('north-clinic/dev');
  });

  it('renders the cost page inside an app for a user with cost access', async () => {
    const api = mockStagelightApi();
    api.getCostSummary.mockResolvedValue(costSummary());
    api.getStageForecast.mockImplementation(async stage =>
      stageForecast(stage),
    );
    api.getEnvironmentCost.mockImplementation(async (clinic, stage) =>
      environmentCost(clinic, stage),
    );

    renderTestApp({
      features: [stagelightPlugin],
      apis: [
        [stagelightApiRef, api],
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
      initialRouteEntries: ['/stagelight/cost'],
    });

    expect(
      await screen.findByRole('table', {
        name: 'Month to date against last month by stage',
      }),
    ).toHaveTextContent('prod');
  });

  it('adds the Stages tab only to clinic Systems and Components', () => {
    const tester = createExtensionTester(stagelightEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('stagelight');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Stages');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const entity = (kind: string, clinic?: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name: 'x',
        annotations: clinic ? { [STAGELIGHT_CLINIC_ANNOTATION]: clinic } : {},
      },
    });
    expect(filter(entity('System', 'north-clinic'))).toBe(true);
    expect(filter(entity('Component', 'north-clinic'))).toBe(true);
    expect(filter(entity('Component'))).toBe(false);
    expect(filter(entity('Resource', 'north-clinic'))).toBe(false);
  });

  it('renders the fleet page inside an app', async () => {
    const api = emptyFleetApi();

    renderTestApp({
      features: [stagelightPlugin],
      apis: [[stagelightApiRef, api]],
      initialRouteEntries: ['/stagelight'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByText('No environments found'),
    ).toBeInTheDocument();
  });

  it('renders the Stages tab on a clinic System in an entity page', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(
      fleetOf([detail('north-clinic', 'dev')]),
    );
    api.getHistory.mockResolvedValue({ items: [] });

    renderEntityPage(api, clinicSystem);

    expect(
      await screen.findByRole('table', { name: 'Stages of north-clinic' }),
    ).toBeInTheDocument();
    expect(api.listEnvironmentDetails).toHaveBeenCalledWith({
      clinic: 'north-clinic',
    });
  });

  it("uses the app's own permission API for the power actions", async () => {
    // No permission API is mocked: the app's default one (plugin-app) answers.
    // With the permission framework not enabled in config it allows everything.
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(
      fleetOf([detail('north-clinic', 'dev', ASLEEP)]),
    );
    api.getHistory.mockResolvedValue({ items: [] });

    renderEntityPage(api, clinicSystem);

    const board = await screen.findByRole('table', {
      name: 'Stages of north-clinic',
    });
    const wake = within(board).getByRole('button', { name: 'Wake' });
    await waitFor(() => expect(wake).toBeEnabled());
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
  });

  it('leaves the entity page of an unrelated entity alone', async () => {
    const api = mockStagelightApi();
    const other: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'payroll' },
    };

    renderEntityPage(api, other);

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(api.listEnvironmentDetails).not.toHaveBeenCalled();
  });
});
