import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@internal/plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import {
  detail,
  mockStagelightApi,
  STAGES,
} from '../../__testUtils__/fixtures';
import { EntityStagelightContent } from './EntityStagelightContent';

const clinicSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'north-clinic',
    annotations: { [STAGELIGHT_CLINIC_ANNOTATION]: 'north-clinic' },
  },
  spec: { owner: 'group:default/radiology' },
};

function render(
  api: ReturnType<typeof mockStagelightApi>,
  entity: Entity = clinicSystem,
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityStagelightContent />
    </EntityProvider>,
    { apis: [[stagelightApiRef, api]] },
  );
}

function fleetOf(items: ReturnType<typeof detail>[], dataAgeSeconds = 40) {
  return {
    items,
    stages: STAGES,
    refreshedAt: '2026-11-26T10:00:00.000Z',
    dataAgeSeconds,
  };
}

describe('EntityStagelightContent', () => {
  it('shows progress while the stages load', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockReturnValue(new Promise(() => {}));

    render(api);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(api.listEnvironmentDetails).toHaveBeenCalledWith({
      clinic: 'north-clinic',
    });
  });

  it('shows the error when the stages cannot be loaded', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockRejectedValue(
      new Error('backend unreachable'),
    );

    render(api);

    expect(
      await screen.findByText(/Could not load the stages of north-clinic/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend unreachable/).length).toBeGreaterThan(
      0,
    );
  });

  it('says so when the clinic has no environments', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(fleetOf([]));

    render(api);

    expect(
      await screen.findByText('No environments found for clinic north-clinic'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('explains a missing clinic annotation instead of calling the backend', async () => {
    const api = mockStagelightApi();
    const withoutAnnotation: Entity = {
      ...clinicSystem,
      metadata: { name: 'north-clinic' },
    };

    render(api, withoutAnnotation);

    expect(
      (await screen.findAllByText(new RegExp(STAGELIGHT_CLINIC_ANNOTATION)))
        .length,
    ).toBeGreaterThan(0);
    expect(api.listEnvironmentDetails).not.toHaveBeenCalled();
  });

  it('lays out one column per stage in promotion order with status in words', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(
      fleetOf([
        detail('north-clinic', 'prod', {
          expectedMarker: 'c1',
          servedMarker: 'c1',
        }),
        detail('north-clinic', 'dev', {
          expectedMarker: 'c3',
          servedMarker: 'c2',
          readiness: 'deploying',
          readinessDetail: {
            state: 'deploying',
            expectedMarker: 'c3',
            servedMarker: 'c2',
            reason: 'rollout in progress',
            probeUrl: null,
            checkedAt: null,
          },
          queue: {
            visible: 12,
            inFlight: 3,
            delayed: 1,
            dlq: 5,
            oldestAgeSeconds: 240,
          },
          errors: [{ source: 'ecs:DescribeServices', message: 'throttled' }],
        }),
        detail('north-clinic', 'test', {
          power: 'asleep',
          readiness: 'asleep',
          expectedMarker: 'c2',
        }),
      ]),
    );

    render(api);

    const board = await screen.findByRole('table', {
      name: 'Stages of north-clinic',
    });
    const headers = within(board)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Property',
      'dev',
      'test',
      'staging',
      'prod Protected',
    ]);

    const powerRow = within(board).getByRole('row', { name: /^Power/ });
    const powerCells = within(powerRow)
      .getAllByRole('cell')
      .map(c => c.textContent);
    expect(powerCells).toEqual(['Awake', 'Asleep', 'Not deployed', 'Awake']);

    expect(within(board).getByText('rollout in progress')).toBeInTheDocument();
    expect(
      within(board).getByText('5 messages in the DLQ'),
    ).toBeInTheDocument();
    expect(
      within(board).getByText(/12 waiting, 3 in flight, 1 delayed/),
    ).toBeInTheDocument();
    expect(
      within(board).getByText('ecs:DescribeServices: throttled'),
    ).toBeInTheDocument();
    expect(within(board).getAllByText('updated 40 s ago')).toHaveLength(3);

    const pipeline = screen.getByRole('table', {
      name: 'Deploy pipeline of north-clinic',
    });
    const devRow = within(pipeline).getByRole('row', { name: /^dev/ });
    expect(devRow).toHaveTextContent('c3 waiting to go to test');
    expect(devRow).toHaveTextContent('serving c2');
    const testRow = within(pipeline).getByRole('row', { name: /^test/ });
    expect(testRow).toHaveTextContent('c2 waiting to go to prod');
  });

  it('warns when the status data is stale', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(
      fleetOf([detail('north-clinic', 'dev', { dataAgeSeconds: 900 })], 900),
    );

    render(api);

    expect(
      await screen.findByText('Warning: Status data is 15 min old'),
    ).toBeInTheDocument();
    const board = screen.getByRole('table', { name: 'Stages of north-clinic' });
    expect(
      within(board).getByText('updated 15 min ago (stale)'),
    ).toBeInTheDocument();
  });

  it('keeps the last answer and shows the error when a refresh fails', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails
      .mockResolvedValueOnce(fleetOf([detail('north-clinic', 'dev')]))
      .mockRejectedValueOnce(new Error('gateway timeout'));

    render(api);
    await screen.findByRole('table', { name: 'Stages of north-clinic' });

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(
        'Error: Could not refresh; showing the last answer',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Stages of north-clinic' }),
    ).toBeInTheDocument();
    expect(api.listEnvironmentDetails).toHaveBeenCalledTimes(2);
  });
});
