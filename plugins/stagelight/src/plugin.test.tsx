import { screen, waitFor, within } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';
import {
  detail,
  emptyFleetApi,
  mockStagelightApi,
  STAGES,
  summary,
} from './__testUtils__/fixtures';
import {
  EntityStagelightContent,
  isStagelightAvailable,
  stagelightApiRef,
  StagelightAuditPage,
  StagelightCostPage,
  StagelightPage,
  stagelightPlugin,
} from './index';
import { auditRouteRef, rootRouteRef } from './routes';
import { FleetPage } from './components/Fleet';
import { CostPage } from './components/Cost';
import { AuditPage } from './components/Audit';
import { FreshPermissions } from './__testUtils__/FreshPermissions';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

// The legacy frontend system's exports, rendered with the legacy test utils.
describe('legacy plugin', () => {
  it('is the stagelight plugin and provides the API client', () => {
    expect(stagelightPlugin.getId()).toBe('stagelight');
    expect([...stagelightPlugin.getApis()].map(f => f.api.id)).toEqual([
      stagelightApiRef.id,
    ]);
  });

  it('renders the stage board as entity content', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue({
      items: [detail('north-clinic', 'dev')],
      stages: STAGES,
      refreshedAt: '2026-11-26T10:00:00.000Z',
      dataAgeSeconds: 40,
    });
    api.getHistory.mockResolvedValue({ items: [] });
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'north-clinic-api',
        annotations: { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' },
      },
    };
    expect(isStagelightAvailable(entity)).toBe(true);

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [stagelightApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityStagelightContent />
        </EntityProvider>
      </TestApiProvider>,
    );

    const board = await screen.findByRole('table', {
      name: 'Stages of north-clinic',
    });
    expect(
      within(board).getByRole('row', { name: /^Power/ }),
    ).toHaveTextContent('Awake');
    // The power actions use the legacy app's permission API too.
    const sleep = within(
      within(board).getByRole('row', { name: /^Actions/ }),
    ).getByRole('button', { name: 'Sleep' });
    await waitFor(() => expect(sleep).toBeEnabled());
    expect(await screen.findByText('No history yet')).toBeInTheDocument();
  });

  it('exports the page as a routable extension', () => {
    expect(StagelightPage).toBeDefined();
    expect(rootRouteRef.toString()).toContain('stagelight');
  });

  it('renders the fleet page with its header', async () => {
    const api = mockStagelightApi();
    api.listClinics.mockResolvedValue({ items: [] });
    api.listEnvironments.mockResolvedValue({
      items: [summary('north-clinic', 'prod')],
      stages: STAGES,
      refreshedAt: '2026-11-26T10:00:00.000Z',
      dataAgeSeconds: 40,
    });

    await renderInTestApp(
      <TestApiProvider apis={[[stagelightApiRef, api]]}>
        <FleetPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByRole('heading', { name: 'Stagelight' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Environments of all clinics' }),
    ).toHaveTextContent('north-clinic');
    // The app mounted no audit page, so the fleet page does not link to one.
    expect(
      screen.queryByRole('link', { name: 'Audit trail' }),
    ).not.toBeInTheDocument();
  });

  it('renders the audit page, linked from the fleet page where both are mounted', async () => {
    const api = emptyFleetApi();
    api.getAudit.mockResolvedValue({ items: [] });
    expect(StagelightAuditPage).toBeDefined();

    await renderInTestApp(
      <TestApiProvider apis={[[stagelightApiRef, api]]}>
        <FleetPage />
        <AuditPage />
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/stagelight/audit': auditRouteRef,
        },
      },
    );

    expect(
      await screen.findByRole('heading', { name: 'Stagelight audit' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('No audit records yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute(
      'href',
      '/stagelight/audit',
    );
  });

  it('exports the cost page, which explains itself to users without cost access', async () => {
    expect(StagelightCostPage).toBeDefined();
    const api = mockStagelightApi();

    await renderInTestApp(
      <FreshPermissions>
        <TestApiProvider
          apis={[
            [stagelightApiRef, api],
            [
              permissionApiRef,
              mockApis.permission({ authorize: AuthorizeResult.DENY }),
            ],
          ]}
        >
          <CostPage />
        </TestApiProvider>
      </FreshPermissions>,
    );

    expect(
      await screen.findByRole('heading', { name: 'Stagelight cost' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Cost is visible to managers and leads/),
    ).toBeInTheDocument();
    expect(api.getCostSummary).not.toHaveBeenCalled();
  });
});
