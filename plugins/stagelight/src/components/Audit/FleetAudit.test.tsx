import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stagelightApiRef } from '../../api';
import { auditRecord, mockStagelightApi } from '../../__testUtils__/fixtures';
import { FLEET_AUDIT_LIMIT, FleetAudit } from './FleetAudit';

function render(api: ReturnType<typeof mockStagelightApi>) {
  return renderInTestApp(<FleetAudit />, { apis: [[stagelightApiRef, api]] });
}

describe('FleetAudit', () => {
  it('shows progress while the audit trail loads', async () => {
    const api = mockStagelightApi();
    api.getAudit.mockReturnValue(new Promise(() => {}));

    render(api);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error when the audit trail cannot be read', async () => {
    const api = mockStagelightApi();
    api.getAudit.mockRejectedValue(new Error('database unavailable'));

    render(api);

    expect(
      await screen.findByText(/Could not load the audit trail/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database unavailable/).length).toBeGreaterThan(
      0,
    );
  });

  it('says so when nothing has been audited yet', async () => {
    const api = mockStagelightApi();
    api.getAudit.mockResolvedValue({ items: [] });

    render(api);

    expect(await screen.findByText('No audit records yet')).toBeInTheDocument();
  });

  it('lists who did what to which environment, why and with what result', async () => {
    const api = mockStagelightApi();
    api.getAudit.mockResolvedValue({
      items: [
        auditRecord({
          id: 3,
          action: 'stage-sleep',
          clinic: null,
          stage: 'dev',
          actor: 'user:default/guest',
          reason: 'evening',
          result: 'denied',
          detail: 'stagelight.environment.sleep denied',
        }),
        auditRecord({
          id: 2,
          action: 'environment-sleep',
          stage: 'prod',
          reason: 'oops',
          result: 'rejected',
        }),
        auditRecord({ id: 1, action: 'lease-extend', result: 'failed' }),
      ],
    });

    render(api);

    const table = await screen.findByRole('table', {
      name: 'Audit trail of the fleet',
    });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['When', 'Who', 'Action', 'Environment', 'Reason', 'Result']);
    const cells = (i: number) =>
      within(rows[i])
        .getAllByRole('cell')
        .slice(1)
        .map(c => c.textContent);
    expect(cells(1)).toEqual([
      'guest',
      'Sleep stage',
      'dev (every clinic)',
      'evening',
      'Deniedstagelight.environment.sleep denied',
    ]);
    expect(cells(2)).toEqual([
      'lead',
      'Sleep',
      'north-clinic/prod',
      'oops',
      'Rejected',
    ]);
    expect(cells(3)[4]).toBe('Failed');
    expect(within(rows[1]).getByRole('cell', { name: /2026/ })).toBeTruthy();
    expect(api.getAudit).toHaveBeenCalledWith({ limit: FLEET_AUDIT_LIMIT });
    expect(screen.queryByText(/Showing the newest/)).not.toBeInTheDocument();
  });

  it('says when only the newest records are shown', async () => {
    const api = mockStagelightApi();
    api.getAudit.mockResolvedValue({
      items: Array.from({ length: FLEET_AUDIT_LIMIT }, (_, i) =>
        auditRecord({ id: i + 1 }),
      ),
    });

    render(api);

    expect(
      await screen.findByText(
        `Showing the newest ${FLEET_AUDIT_LIMIT} records.`,
      ),
    ).toBeInTheDocument();
  });
});
