import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListClinicsResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { BulkPowerActions } from '../components/BulkPower';
import { STAGES } from './fixtures';
import { PowerGrantOptions, renderWithPowerGrant } from './powerPermissions';

/** Renders the bulk actions over `clinics` (and the usual stages) with the power permissions of `options`; returns the API. */
export function renderBulkPowerActions(
  clinics: ListClinicsResponse,
  options: PowerGrantOptions = {},
) {
  return renderWithPowerGrant(
    <BulkPowerActions clinics={clinics} stages={STAGES} />,
    options,
  );
}

/** Chooses the bulk target whose option starts with `label`, e.g. "dev in every clinic". */
export async function chooseBulkTarget(label: string) {
  const select = await screen.findByRole('combobox', {
    name: 'Environments to wake or put to sleep',
  });
  const option = within(select)
    .getAllByRole('option')
    .find(o => o.textContent?.startsWith(label));
  await userEvent.selectOptions(select, option!);
}
