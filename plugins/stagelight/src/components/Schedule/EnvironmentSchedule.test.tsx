import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightApiRef } from '../../api';
import {
  mockStagelightApi,
  responseError,
  runningLease,
  schedulePlan,
} from '../../__testUtils__/fixtures';
import { deniedButton } from '../../__testUtils__/powerPermissions';
import { FreshPermissions } from '../../__testUtils__/FreshPermissions';
import { TestRefresh } from '../../__testUtils__/TestRefresh';
import { browserTimeZone } from '../../schedule/timeZones';
import { EnvironmentSchedule } from './EnvironmentSchedule';

type Api = ReturnType<typeof mockStagelightApi>;

function render(
  options: {
    api?: Api;
    stage?: string;
    allow?: boolean;
    /** The clinic's owner, and the environments (`<clinic>/<stage>`) the user may not act on. */
    owner?: string;
    deniedEnvironments?: string[];
    onChanged?: jest.Mock;
  } = {},
) {
  const api = options.api ?? mockStagelightApi();
  renderInTestApp(
    <FreshPermissions>
      <TestRefresh planChanged={options.onChanged}>
        <EnvironmentSchedule
          clinic="north-clinic"
          stage={options.stage ?? 'dev'}
          owner={options.owner}
        />
      </TestRefresh>
    </FreshPermissions>,
    {
      apis: [
        [stagelightApiRef, api],
        mockApis.permission({
          authorize: request =>
            options.allow === false ||
            options.deniedEnvironments?.includes(request.resourceRef ?? '')
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
  return api;
}

async function openEditor() {
  const edit = await screen.findByRole('button', { name: 'Edit schedule' });
  await waitFor(() => expect(edit).toBeEnabled());
  await userEvent.click(edit);
  return screen.findByRole('dialog', { name: 'Schedule of north-clinic/dev' });
}

// The editor tests type and click through a whole dialog with user-event,
// which takes several seconds when the machine is busy (CI runs suites in parallel).
jest.setTimeout(30_000);

describe('EnvironmentSchedule', () => {
  it('shows progress while the plan loads', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockReturnValue(new Promise(() => {}));

    render({ api });

    expect(
      await screen.findByRole('progressbar', {
        name: 'Loading the schedule of dev',
      }),
    ).toBeInTheDocument();
  });

  it('says why the plan could not be read', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockRejectedValue(
      await responseError(
        404,
        'No environment north-clinic/dev',
        'NotFoundError',
      ),
    );

    render({ api });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the schedule: No environment north-clinic/dev',
    );
  });

  it('says a protected stage is always on and offers no schedule or lease', async () => {
    render({ stage: 'prod' });

    expect(
      await screen.findByText('Protected: always on, whatever the schedule'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit schedule' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('No lease')).not.toBeInTheDocument();
  });

  it('shows the schedule in force, where it comes from, now and next', async () => {
    const api = render();

    // Once, in the schedule's own time zone, whatever the browser's.
    expect(
      await screen.findByText(
        /^Stage default schedule, Mon–Fri 08:00–18:00 \(Europe\/Berlin\): sleeps .*18:00 Berlin time, /,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/lease/i)).toBeNull();
    expect(api.getSchedule).toHaveBeenCalledWith('north-clinic', 'dev');
  });

  it('shows a running lease next to the schedule', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(
      schedulePlan('north-clinic', 'dev', {
        lease: runningLease('north-clinic', 'dev'),
        source: 'none',
        schedule: null,
        desired: { state: 'awake', reason: 'leased', nextTransition: null },
      }),
    );

    render({ api });

    expect(
      await screen.findByText(
        /^Awake until \d\d:\d\d .*, in 1 h \(lease by lead: demo\)$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No schedule — Stagelight leaves it as it is.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Next:/)).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Extend lease' }),
    ).toBeInTheDocument();
  });

  it('says an environment without schedule or lease is left as it is', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(
      schedulePlan('north-clinic', 'dev', {
        source: 'none',
        schedule: null,
        desired: {
          state: 'awake',
          reason: 'no schedule: left as it is set',
          nextTransition: null,
        },
      }),
    );

    render({ api });

    expect(
      await screen.findByText('No schedule — Stagelight leaves it as it is.'),
    ).toBeInTheDocument();
    // Said once: no lease line, no "next", no second "no schedule".
    expect(screen.getAllByText(/No schedule/)).toHaveLength(1);
    expect(screen.queryByText(/lease|^Next/i)).toBeNull();
  });

  it('disables editing for someone without schedule.edit and says why', async () => {
    render({ allow: false });

    const edit = await screen.findByRole('button', { name: 'Edit schedule' });
    await waitFor(() => expect(edit).toBeDisabled());
    expect(
      screen.getByText('You are not allowed to edit schedules; only leads can'),
    ).toBeInTheDocument();
  });

  it("decides the lease and schedule actions for the environment, naming its clinic's owner", async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(
      schedulePlan('north-clinic', 'dev', {
        lease: runningLease('north-clinic', 'dev'),
      }),
    );
    render({
      api,
      owner: 'group:default/cardiology-leads',
      deniedEnvironments: ['north-clinic/dev'],
    });

    const owner =
      'only leads of its owner, group:default/cardiology-leads, can';
    for (const [name, reason] of [
      ['Edit schedule', 'edit the schedule of north-clinic/dev'],
      ['Extend lease', 'extend the lease of north-clinic/dev'],
      ['End lease', 'end the lease of north-clinic/dev'],
    ]) {
      expect(
        await deniedButton(name, `You are not allowed to ${reason}; ${owner}`),
      ).toBeDisabled();
    }
  });

  it('removes an override, after which the stage default is shown', async () => {
    const api = mockStagelightApi();
    api.getSchedule
      .mockResolvedValueOnce(
        schedulePlan('north-clinic', 'dev', { source: 'override' }),
      )
      .mockResolvedValue(schedulePlan('north-clinic', 'dev'));
    api.deleteSchedule.mockResolvedValue(schedulePlan('north-clinic', 'dev'));
    const onChanged = jest.fn();
    render({ api, onChanged });

    const remove = await screen.findByRole('button', {
      name: 'Remove override',
    });
    await waitFor(() => expect(remove).toBeEnabled());
    await userEvent.click(remove);
    await waitFor(() =>
      expect(api.deleteSchedule).toHaveBeenCalledWith('north-clinic', 'dev'),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Remove override' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('offers no removal when the stage default is in force', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(schedulePlan('north-clinic', 'dev'));
    render({ api });
    await screen.findByRole('button', { name: 'Edit schedule' });
    expect(
      screen.queryByRole('button', { name: 'Remove override' }),
    ).not.toBeInTheDocument();
  });

  it('edits windows for two shifts, the zone, pre-warm and an exception, and saves them', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(schedulePlan('north-clinic', 'dev'));
    api.putSchedule.mockImplementation(async (clinic, stage, schedule) =>
      schedulePlan(clinic, stage, { schedule, source: 'override' }),
    );
    const onChanged = jest.fn();
    render({ api, onChanged });

    const dialog = await openEditor();
    expect(dialog).toHaveTextContent(
      "north-clinic/dev follows the dev stage's default schedule; saving gives it its own.",
    );
    const zone = within(dialog).getByRole('combobox', { name: 'Time zone' });
    expect(zone).toHaveFocus();
    expect(zone).toHaveValue('Europe/Berlin');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Atlantis');
    expect(dialog).toHaveTextContent('Not an IANA time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Europe/Dublin');

    const preWarm = within(dialog).getByRole('spinbutton', {
      name: 'Pre-warm minutes',
    });
    await userEvent.clear(preWarm);
    await userEvent.type(preWarm, '5');

    // The EU shift stays; a US shift is added, Saturday instead of Friday.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add window' }),
    );
    const us = within(dialog).getByRole('group', { name: 'Window 2' });
    await userEvent.click(within(us).getByRole('checkbox', { name: 'Fri' }));
    await userEvent.click(within(us).getByRole('checkbox', { name: 'Sat' }));
    fireEvent.change(within(us).getByLabelText('Start'), {
      target: { value: '14:00' },
    });
    fireEvent.change(within(us).getByLabelText('End'), {
      target: { value: '23:00' },
    });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add exception' }),
    );
    const holiday = within(dialog).getByRole('group', { name: 'Exception 1' });
    fireEvent.change(within(holiday).getByLabelText('Date'), {
      target: { value: '2026-12-24' },
    });
    await userEvent.selectOptions(
      within(holiday).getByRole('combobox', { name: 'All day' }),
      'asleep',
    );
    await userEvent.type(
      within(holiday).getByRole('textbox', { name: 'Note' }),
      'Christmas',
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );

    await waitFor(() =>
      expect(api.putSchedule).toHaveBeenCalledWith('north-clinic', 'dev', {
        timeZone: 'Europe/Dublin',
        windows: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            start: '08:00',
            end: '18:00',
          },
          {
            days: ['mon', 'tue', 'wed', 'thu', 'sat'],
            start: '14:00',
            end: '23:00',
          },
        ],
        preWarmMinutes: 5,
        exceptions: [
          { date: '2026-12-24', state: 'asleep', note: 'Christmas' },
        ],
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Schedule saved')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.getSchedule).toHaveBeenCalledTimes(2));
  });

  it('removes windows and lists the problems instead of saving', async () => {
    const api = render();

    const dialog = await openEditor();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add window' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add exception' }),
    );
    const exception = within(dialog).getByRole('group', {
      name: 'Exception 1',
    });
    fireEvent.change(within(exception).getByLabelText('Date'), {
      target: { value: '' },
    });
    await userEvent.clear(
      within(dialog).getByRole('combobox', { name: 'Time zone' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Fix these before saving:');
    expect(alert).toHaveTextContent('Time zone "" is not an IANA time zone');
    expect(alert).toHaveTextContent('Window 2 repeats window 1');
    expect(alert).toHaveTextContent('Exception 1 needs a date');
    expect(api.putSchedule).not.toHaveBeenCalled();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Remove window 2' }),
    );
    expect(
      within(dialog).queryByRole('group', { name: 'Window 2' }),
    ).not.toBeInTheDocument();
  });

  it("shows the backend's 400 in the dialog and keeps it open", async () => {
    const api = mockStagelightApi();
    api.putSchedule.mockRejectedValue(
      await responseError(
        400,
        'Invalid schedule: schedule.windows[0] repeats windows[1]',
        'InputError',
      ),
    );
    render({ api });

    const dialog = await openEditor();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Invalid request: Invalid schedule: schedule.windows[0] repeats windows[1]',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('starts an environment without a schedule from office hours in the browser zone', async () => {
    const api = mockStagelightApi();
    api.getSchedule.mockResolvedValue(
      schedulePlan('north-clinic', 'dev', { schedule: null, source: 'none' }),
    );
    render({ api });

    const dialog = await openEditor();

    expect(
      within(dialog).getByRole('combobox', { name: 'Time zone' }),
    ).toHaveValue(browserTimeZone());
    const window1 = within(dialog).getByRole('group', { name: 'Window 1' });
    expect(
      within(window1).getByRole('checkbox', { name: 'Mon' }),
    ).toBeChecked();
    expect(
      within(window1).getByRole('checkbox', { name: 'Sat' }),
    ).not.toBeChecked();
    expect(within(window1).getByLabelText('Start')).toHaveValue('08:00');
  });

  it('closes the editor with Escape without saving', async () => {
    const api = render();

    await openEditor();
    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.putSchedule).not.toHaveBeenCalled();
  });
});
