import { ReactElement } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stagelightEnvironmentSleepPermission } from '@internal/plugin-stagelight-common';
import { stagelightApiRef } from '../api';
import type { StagelightRefresh } from '../hooks';
import { FreshPermissions } from './FreshPermissions';
import { mockStagelightApi } from './fixtures';
import { TestRefresh } from './TestRefresh';

/** Which power permissions the user holds: all of them, none, or only sleep (and ending leases). */
export type PowerGrant = 'all' | 'none' | 'sleep-only';

/**
 * Renders `element` in a test app with this Stagelight API (a fresh mock by
 * default), a permission API granting `allow` and the page's `refresh`
 * signals; returns the API.
 */
export function renderWithPowerGrant(
  element: ReactElement,
  options: {
    api?: ReturnType<typeof mockStagelightApi>;
    allow?: PowerGrant;
    refresh?: Partial<StagelightRefresh>;
  } = {},
) {
  const api = options.api ?? mockStagelightApi();
  const allow = options.allow ?? 'all';
  const permission = mockApis.permission({
    authorize: request => {
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
      <TestRefresh {...options.refresh}>{element}</TestRefresh>
    </FreshPermissions>,
    { apis: [[stagelightApiRef, api], permission] },
  );
  return api;
}

/** The button, once the permission check has answered and enabled it. */
export async function enabledButton(name: string) {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}
