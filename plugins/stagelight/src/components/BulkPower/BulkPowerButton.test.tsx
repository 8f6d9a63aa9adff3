import { screen } from '@testing-library/react';
import type { ListClinicsResponse } from '@stagelight/backstage-plugin-stagelight-common';
import { clinicsOf } from '../../__testUtils__/fixtures';
import {
  chooseBulkTarget,
  renderBulkPowerActions,
} from '../../__testUtils__/bulkPower';
import {
  deniedButton,
  enabledButton,
  PowerGrantOptions,
} from '../../__testUtils__/powerPermissions';

/** Two clinics of two teams, as their owner tags say. */
const OWNERS: Record<string, string> = {
  'north-clinic': 'group:default/cardiology-leads',
  'south-clinic': 'group:default/radiology-leads',
};
const CLINICS: ListClinicsResponse = {
  items: clinicsOf({
    'north-clinic': { dev: 'asleep', test: 'asleep' },
    'south-clinic': { dev: 'asleep' },
  }).items.map(c => ({ ...c, owner: OWNERS[c.clinic] })),
};

function render(options: PowerGrantOptions) {
  return renderBulkPowerActions(CLINICS, options);
}

describe('BulkPowerButton', () => {
  it('decides each environment of the target and names the ones it would skip', async () => {
    render({ deniedEnvironments: ['south-clinic/dev'] });
    await chooseBulkTarget('dev in every clinic');

    const wake = await enabledButton('Wake all');
    const note = await screen.findByText(
      'You are not allowed to wake south-clinic/dev; only leads of its owner, group:default/radiology-leads, can; Wake all skips it',
    );
    expect(wake).toHaveAttribute('aria-describedby', note.id);
  });

  it('is disabled with the reason when the user may act on none of them', async () => {
    render({
      deniedEnvironments: ['north-clinic/dev', 'north-clinic/test'],
    });
    await chooseBulkTarget('every stage of north-clinic');

    expect(
      await deniedButton(
        'Wake all',
        'You are not allowed to wake north-clinic/dev, north-clinic/test; only leads of their owner, group:default/cardiology-leads, can',
      ),
    ).toBeDisabled();

    // Another clinic's stages are the user's to wake.
    await chooseBulkTarget('every stage of south-clinic');
    expect(await enabledButton('Wake all')).toBeEnabled();
    expect(screen.queryByText(/not allowed/)).not.toBeInTheDocument();
  });
});
