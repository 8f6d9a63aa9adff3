import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { STAGELIGHT_CLINIC_ANNOTATION } from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../../api';
import {
  ASLEEP,
  auditRecord,
  clinicSystem,
  detail,
  fleetOf,
  mockStagelightApi,
  operation,
  schedulePlan,
} from '../../__testUtils__/fixtures';
import { FreshPermissions } from '../../__testUtils__/FreshPermissions';
import { EntityStagelightContent } from './EntityStagelightContent';

function render(
  api: ReturnType<typeof mockStagelightApi>,
  entity: Entity = clinicSystem,
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  if (!api.getHistory.getMockImplementation()) {
    api.getHistory.mockResolvedValue({ items: [] });
  }
  return renderInTestApp(
    <FreshPermissions>
      <EntityProvider entity={entity}>
        <EntityStagelightContent />
      </EntityProvider>
    </FreshPermissions>,
    { apis: [[stagelightApiRef, api], mockApis.permission({ authorize })] },
  );
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

  it('shows every stage as not deployed when the clinic has no environments', async () => {
    const api = mockStagelightApi();
    api.listEnvironmentDetails.mockResolvedValue(fleetOf([]));

    render(api);

    expect(
      await screen.findByText('north-clinic is not deployed yet'),
    ).toBeInTheDocument();
    // The board and the pipeline still list the stages, each not deployed.
    expect(screen.getAllByText('Not deployed').length).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      screen.queryByRole('button', { name: /Wake/ }),
    ).not.toBeInTheDocument();
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
          ...ASLEEP,
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

  describe('power actions', () => {
    const board = () =>
      screen.findByRole('table', { name: 'Stages of north-clinic' });
    const actionCells = async () =>
      within(
        within(await board()).getByRole('row', { name: /^Actions/ }),
      ).getAllByRole('cell');

    it('offers Wake on sleeping stages, Sleep on awake ones and no Sleep on protected ones', async () => {
      const api = mockStagelightApi();
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([
          detail('north-clinic', 'dev'),
          detail('north-clinic', 'test', ASLEEP),
          detail('north-clinic', 'prod'),
        ]),
      );

      render(api);

      const [dev, test, staging, prod] = await actionCells();
      expect(
        await within(dev).findByRole('button', { name: 'Sleep' }),
      ).toBeInTheDocument();
      expect(
        within(dev).queryByRole('button', { name: 'Wake' }),
      ).not.toBeInTheDocument();
      expect(
        within(test).getByRole('button', { name: 'Wake' }),
      ).toBeInTheDocument();
      expect(
        within(test).queryByRole('button', { name: 'Sleep' }),
      ).not.toBeInTheDocument();
      expect(staging).toHaveTextContent('–');
      expect(within(prod).queryByRole('button')).not.toBeInTheDocument();
      expect(prod).toHaveTextContent('Protected: never put to sleep');
    });

    it('disables the actions with the reason for someone who may not act', async () => {
      const api = mockStagelightApi();
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([
          detail('north-clinic', 'dev'),
          detail('north-clinic', 'test', ASLEEP),
        ]),
      );

      render(api, clinicSystem, AuthorizeResult.DENY);

      const [dev, test] = await actionCells();
      await waitFor(() =>
        expect(
          within(test).getByRole('button', { name: 'Wake' }),
        ).toBeDisabled(),
      );
      // The clinic has an owner: the denial names the environment and it.
      expect(test).toHaveTextContent(
        'You are not allowed to wake north-clinic/test; only leads of its owner, group:default/radiology, can',
      );
      expect(within(dev).getByRole('button', { name: 'Sleep' })).toBeDisabled();
      expect(dev).toHaveTextContent(
        'You are not allowed to put north-clinic/dev to sleep; only leads of its owner, group:default/radiology, can',
      );
    });

    it('wakes a stage, follows the operation and then refreshes the board and the history', async () => {
      const api = mockStagelightApi();
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([detail('north-clinic', 'test', ASLEEP)]),
      );
      api.wake.mockResolvedValue({
        operation: operation({ stage: 'test', status: 'pending' }),
        lease: null,
      });
      api.getOperation.mockResolvedValue(
        operation({
          stage: 'test',
          status: 'succeeded',
          outcome: 'awake',
          finishedAt: '2026-11-26T10:02:00.000Z',
        }),
      );

      render(api);

      const [, test] = await actionCells();
      const wake = within(test).getByRole('button', { name: 'Wake' });
      await waitFor(() => expect(wake).toBeEnabled());
      await userEvent.click(wake);
      const dialog = await screen.findByRole('dialog', {
        name: 'Wake north-clinic/test',
      });
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Reason/ }),
        'release check{Enter}',
      );

      expect(
        await within(test).findByText(/Waking: queued/),
      ).toBeInTheDocument();
      expect(api.listEnvironmentDetails).toHaveBeenCalledTimes(1);
      expect(api.getHistory).toHaveBeenCalledTimes(1);

      // The operation is read again every 2 s.
      expect(
        await within(test).findByText(
          'Wake succeeded after 2m00s',
          {},
          { timeout: 5000 },
        ),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(api.listEnvironmentDetails).toHaveBeenCalledTimes(2),
      );
      await waitFor(() => expect(api.getHistory).toHaveBeenCalledTimes(2));
      // The lease the wake took shows once the column's plan is read again.
      await waitFor(() =>
        expect(
          api.getSchedule.mock.calls.filter(([, stage]) => stage === 'test'),
        ).toHaveLength(2),
      );
      expect(api.wake).toHaveBeenCalledWith('north-clinic', 'test', {
        reason: 'release check',
        leaseHours: 2,
      });
      // It waits through one real 2 s poll of the operation on purpose.
    }, 30_000);
  });

  describe('lease and schedule', () => {
    it('shows each stage its plan, with protected stages always on', async () => {
      const api = mockStagelightApi();
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([
          detail('north-clinic', 'dev'),
          detail('north-clinic', 'prod'),
        ]),
      );

      render(api);

      const board = await screen.findByRole('table', {
        name: 'Stages of north-clinic',
      });
      const row = await within(board).findByRole('row', {
        name: /^Lease and schedule/,
      });
      const cells = within(row).getAllByRole('cell');
      expect(cells).toHaveLength(4);
      await waitFor(() =>
        expect(cells[0]).toHaveTextContent('Stage default schedule'),
      );
      expect(
        within(cells[0]).getByRole('button', { name: 'Edit schedule' }),
      ).toBeInTheDocument();
      expect(cells[1]).toHaveTextContent('–');
      expect(cells[3]).toHaveTextContent(
        'Protected: always on, whatever the schedule',
      );
      expect(api.getSchedule).toHaveBeenCalledWith('north-clinic', 'dev');
      expect(api.getSchedule).toHaveBeenCalledWith('north-clinic', 'prod');
      expect(api.getSchedule).toHaveBeenCalledTimes(2);
    });

    it('reads the history again after a schedule was saved from the board', async () => {
      const api = mockStagelightApi();
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([detail('north-clinic', 'dev')]),
      );
      api.putSchedule.mockImplementation(async (clinic, stage) =>
        schedulePlan(clinic, stage, { source: 'override' }),
      );
      render(api);

      const edit = await screen.findByRole('button', { name: 'Edit schedule' });
      await waitFor(() => expect(edit).toBeEnabled());
      await waitFor(() => expect(api.getHistory).toHaveBeenCalledTimes(1));
      await userEvent.click(edit);
      const dialog = await screen.findByRole('dialog', {
        name: 'Schedule of north-clinic/dev',
      });
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save schedule' }),
      );

      expect(await screen.findByText('Schedule saved')).toBeInTheDocument();
      await waitFor(() => expect(api.getHistory).toHaveBeenCalledTimes(2));
    });
  });

  describe('history', () => {
    function withStages(api: ReturnType<typeof mockStagelightApi>) {
      api.listEnvironmentDetails.mockResolvedValue(
        fleetOf([
          detail('north-clinic', 'dev'),
          detail('north-clinic', 'prod'),
        ]),
      );
    }

    it('shows progress while the history loads', async () => {
      const api = mockStagelightApi();
      withStages(api);
      api.getHistory.mockReturnValue(new Promise(() => {}));

      render(api);

      await screen.findByRole('table', { name: 'Stages of north-clinic' });
      expect(await screen.findByText('History')).toBeInTheDocument();
      expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    });

    it('says so when there is no history', async () => {
      const api = mockStagelightApi();
      withStages(api);

      render(api);

      expect(await screen.findByText('No history yet')).toBeInTheDocument();
      expect(api.getHistory).toHaveBeenCalledWith('north-clinic', 'dev', {
        limit: 50,
      });
      expect(api.getHistory).toHaveBeenCalledWith('north-clinic', 'prod', {
        limit: 50,
      });
      expect(api.getHistory).toHaveBeenCalledTimes(2);
    });

    it('shows the error when the history cannot be loaded', async () => {
      const api = mockStagelightApi();
      withStages(api);
      api.getHistory.mockRejectedValue(new Error('audit table unavailable'));

      render(api);

      expect(
        await screen.findByText(/Could not load the history of north-clinic/),
      ).toBeInTheDocument();
      expect(
        screen.getAllByText(/audit table unavailable/).length,
      ).toBeGreaterThan(0);
      expect(
        screen.getByRole('table', { name: 'Stages of north-clinic' }),
      ).toBeInTheDocument();
    });

    it("lists every stage's records newest first with who, what, why and the result", async () => {
      const api = mockStagelightApi();
      withStages(api);
      api.getHistory.mockImplementation(async (_clinic, stage) => ({
        items:
          stage === 'dev'
            ? [
                auditRecord({
                  id: 3,
                  at: '2026-11-26T09:00:00.000Z',
                  actor: 'user:default/guest',
                  action: 'environment-sleep',
                  reason: 'tidy up',
                  result: 'denied',
                  detail: 'Not allowed: stagelight.environment.sleep',
                }),
                auditRecord({
                  id: 4,
                  at: '2026-11-25T08:00:21.000Z',
                  action: 'environment-wake-ended',
                  detail: 'awake after 21 s',
                  operationId: 'op-1',
                }),
                auditRecord({
                  id: 1,
                  at: '2026-11-25T08:00:00.000Z',
                  detail: 'operation pending',
                  operationId: 'op-1',
                }),
              ]
            : [
                auditRecord({
                  id: 2,
                  at: '2026-11-26T10:00:00.000Z',
                  stage: 'prod',
                  action: 'environment-sleep',
                  reason: 'save money',
                  result: 'rejected',
                }),
              ],
      }));

      render(api);

      const history = await screen.findByRole('table', {
        name: 'History of north-clinic',
      });
      const rows = within(history).getAllByRole('row').slice(1);
      const cells = rows.map(r =>
        within(r)
          .getAllByRole('cell')
          .slice(1)
          .map(c => c.textContent),
      );
      expect(cells).toEqual([
        ['lead', 'Sleep', 'prod', 'save money', 'Rejected'],
        [
          'guest',
          'Sleep',
          'dev',
          'tidy up',
          'DeniedNot allowed: stagelight.environment.sleep',
        ],
        // The end of the lead's wake, then the request: accepted, not yet done.
        [
          'lead',
          'Wake finished',
          'dev',
          'testing a fix',
          'Succeededawake after 21 s',
        ],
        ['lead', 'Wake', 'dev', 'testing a fix', 'Acceptedoperation pending'],
      ]);
      expect(
        within(rows[0]).getAllByRole('cell')[0].querySelector('time'),
      ).toHaveAttribute('dateTime', '2026-11-26T10:00:00.000Z');
    });
  });
});
