import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { stagelightApiRef } from '../../api';
import { mockStagelightApi } from '../../__testUtils__/fixtures';
import { doctorReport } from './doctorFixtures';
import { DoctorView } from './DoctorView';

function render(api: ReturnType<typeof mockStagelightApi>) {
  return renderInTestApp(<DoctorView />, { apis: [[stagelightApiRef, api]] });
}

describe('DoctorView', () => {
  it("shows each account's answer plainly, the misconfigured one with its STS error", async () => {
    const api = mockStagelightApi();
    api.getDoctorReport.mockResolvedValue(doctorReport());

    render(api);

    const sentences = await screen.findAllByTestId('doctor-account-sentence');
    expect(sentences.map(s => s.textContent)).toEqual([
      'Account 111111111111 us-east-1: role stagelight-spoke assumed; 22 tagged resources in 2 environments',
      expect.stringMatching(
        /^Account 222222222222 eu-west-1: role stagelight-spoke could not be assumed: AccessDenied: User: .* is not authorized to perform: sts:AssumeRole/,
      ),
      'Account 333333333333 us-east-1: role stagelight-spoke assumed; 12 tagged resources in 1 environment; 1 tagged resource no environment takes; 1 permission missing',
    ]);
    const byClinic = screen.getByRole('table', {
      name: 'Tagged resources in Account 111111111111 us-east-1 by clinic and stage',
    });
    expect(
      within(byClinic).getByRole('row', { name: 'alder prod 11' }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', {
          name: 'Unassigned resources in Account 333333333333 us-east-1',
        }),
      ).getByText(
        /ir-cedar-qa-ingest: the stage tag names no configured stage \(stage "qa"\)/,
      ),
    ).toBeInTheDocument();
    const permissions = screen.getByRole('table', {
      name: 'Permissions in Account 333333333333 us-east-1',
    });
    expect(
      within(permissions).getByRole('row', {
        name: /lambda:ListFunctions status missing/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'cedar/dev: not reachable: version endpoint answered 503 (http://cedar-dev.example/version)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Could not check the cost allocation tags: ce:ListCostAllocationTags failed: InternalFailure',
      ),
    ).toBeInTheDocument();
  });

  it('shows the summary without details, and says who sees them', async () => {
    const api = mockStagelightApi();
    const full = doctorReport();
    api.getDoctorReport.mockResolvedValue({
      ...full,
      detail: false,
      accounts: full.accounts.map(
        ({ unassigned: _u, permissions: _p, access, ...a }) => ({
          ...a,
          access: { state: access.state, errorName: access.errorName },
        }),
      ),
      readiness: full.readiness.map(({ url: _url, ...r }) => r),
    });

    render(api);

    expect(
      await screen.findByText(
        'Account 222222222222 eu-west-1: the account could not be reached: AccessDenied',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/shown to platform admins/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /^Permissions in/ })).toBeNull();
    expect(
      screen.getByText(
        'cedar/dev: not reachable: version endpoint answered 503',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error when the doctor cannot run', async () => {
    const api = mockStagelightApi();
    api.getDoctorReport.mockRejectedValue(new Error('backend unavailable'));

    render(api);

    expect(
      await screen.findByText(/Could not run the doctor/),
    ).toBeInTheDocument();
  });
});
