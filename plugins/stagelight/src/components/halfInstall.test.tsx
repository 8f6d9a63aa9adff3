import { ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { stagelightApiRef } from '../api';
import { auditRouteRef } from '../routes';
import { clientWithoutBackend } from '../__testUtils__/backendMissing';
import { clinicSystem } from '../__testUtils__/fixtures';
import { FreshPermissions } from '../__testUtils__/FreshPermissions';
import { FleetAudit } from './Audit';
import { CostView } from './Cost';
import { DoctorView } from './Doctor';
import { EntityStagelightContent } from './EntityContent';
import { FleetView } from './Fleet';

/**
 * A half install: the app has the Stagelight frontend, the backend has no
 * Stagelight plugin. The real client talks to a fetch that answers as such a
 * backend does, so this covers the detection and every view's display of it.
 */
const VIEWS: Array<[string, () => ReactElement]> = [
  ['the fleet page', () => <FleetView />],
  ['the cost page', () => <CostView />],
  ['the audit page', () => <FleetAudit />],
  ['the doctor page', () => <DoctorView />],
  [
    'the entity tab (stage board and pipeline)',
    () => (
      <EntityProvider entity={clinicSystem}>
        <EntityStagelightContent />
      </EntityProvider>
    ),
  ],
];

describe('a Stagelight frontend whose backend has no Stagelight plugin', () => {
  it.each(VIEWS)(
    '%s names the missing backend plugin and the line to add',
    async (_name, view) => {
      const { client, fetch } = clientWithoutBackend();

      await renderInTestApp(<FreshPermissions>{view()}</FreshPermissions>, {
        apis: [
          [stagelightApiRef, client],
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/stagelight/audit': auditRouteRef,
        },
      });

      const title = await screen.findByText(
        'Error: The Stagelight backend plugin is not installed',
      );
      // Exactly one explanation, not one per card, and no spinner left beside it.
      expect(
        screen.getAllByText(/The Stagelight backend plugin is not installed/),
      ).toHaveLength(1);
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
      const panel = title.closest('.MuiAccordion-root') as HTMLElement;
      expect(panel).not.toBeNull();
      // The snippet's highlighter loads lazily and splits the line into tokens, so the code element is awaited and read whole.
      const code = await within(panel).findByText(
        (_content, element) =>
          element?.tagName === 'CODE' &&
          element.textContent ===
            "backend.add(import('@stagelight/backstage-plugin-stagelight-backend'));",
      );
      expect(code).toBeVisible();
      expect(
        within(panel).getByText(/packages\/backend\/src\/index\.ts/),
      ).toBeVisible();
      expect(fetch).toHaveBeenCalled();
      for (const [url] of fetch.mock.calls) {
        expect(url).toMatch(/^http:\/\/localhost:7007\/api\/stagelight\//);
      }
    },
  );
});
