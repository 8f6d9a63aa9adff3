import { ReactElement } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightEnvironmentSleepPermission } from '@stagelight/backstage-plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import { FreshPermissions } from './FreshPermissions';
import { mockStagelightApi } from './fixtures';
import { TestRefresh } from './TestRefresh';

/** Which power permissions the user holds: all of them, none, or only sleep (and ending leases). */
export type PowerGrant = 'all' | 'none' | 'sleep-only';

export interface PowerGrantOptions {
  /** The Stagelight API; a fresh mock by default. */
  api?: ReturnType<typeof mockStagelightApi>;
  /** The power permissions the user holds; all by default. */
  allow?: PowerGrant;
  /**
   * Environments (`<clinic>/<stage>`) the user may not act on whatever
   * `allow` grants, as a per-clinic policy decides them.
   */
  deniedEnvironments?: string[];
  /** Told when an operation started here ends. */
  onOperationEnd?: jest.Mock;
  /** The address the test app starts at, e.g. with a query string. */
  initialRouteEntries?: string[];
}

/**
 * Renders `element` in a test app with the Stagelight API and a permission
 * API granting `allow`, under the page's refresh signals with operations
 * polled every 10 ms; returns the API.
 */
export function renderWithPowerGrant(
  element: ReactElement,
  options: PowerGrantOptions = {},
) {
  const api = options.api ?? mockStagelightApi();
  const allow = options.allow ?? 'all';
  const permission = mockApis.permission({
    authorize: request => {
      if (
        request.resourceRef &&
        options.deniedEnvironments?.includes(request.resourceRef)
      ) {
        return AuthorizeResult.DENY;
      }
      if (allow === 'all') return AuthorizeResult.ALLOW;
      if (
        allow === 'sleep-only' &&
        request.permission.name === stagelightEnvironmentSleepPermission.name
      ) {
        return AuthorizeResult.ALLOW;
      }
      return AuthorizeResult.DENY;
    },
  });
  renderInTestApp(
    <FreshPermissions>
      <TestRefresh
        operationEnded={options.onOperationEnd}
        operationPollIntervalMs={10}
      >
        {element}
      </TestRefresh>
    </FreshPermissions>,
    {
      apis: [[stagelightApiRef, api], permission],
      initialRouteEntries: options.initialRouteEntries,
    },
  );
  return api;
}

/** The button, once the permission check has answered and enabled it. */
export async function enabledButton(name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

/**
 * The button, once the permission check has answered and denied it: the
 * denial `reason` is shown and linked to it by aria-describedby.
 */
export async function deniedButton(name: string, reason: string) {
  const button = await screen.findByRole('button', { name });
  const denial = await screen.findByText(reason);
  expect(button).toHaveAttribute('aria-describedby', denial.id);
  return button;
}
