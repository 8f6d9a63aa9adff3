import { screen } from '@testing-library/react';
import {
  deniedButton,
  enabledButton,
  PowerGrantOptions,
  renderWithPowerGrant,
} from '../../__testUtils__/powerPermissions';
import { PowerButton } from './PowerButton';

function render(
  environments: { clinic: string; owner: string | null }[],
  options: PowerGrantOptions = {},
) {
  return renderWithPowerGrant(
    <>
      {environments.map(env => (
        <PowerButton
          key={env.clinic}
          kind="wake"
          environment={{ ...env, stage: 'dev' }}
          id={`wake-${env.clinic}`}
          label={`Wake ${env.clinic}`}
          onClick={() => {}}
        />
      ))}
    </>,
    options,
  );
}

describe('PowerButton', () => {
  it('asks for the permission on its own environment', async () => {
    render(
      [
        { clinic: 'north-clinic', owner: 'group:default/cardiology-leads' },
        { clinic: 'south-clinic', owner: 'group:default/radiology-leads' },
      ],
      { deniedEnvironments: ['north-clinic/dev'] },
    );

    expect(await enabledButton('Wake south-clinic')).toBeEnabled();
    expect(
      await deniedButton(
        'Wake north-clinic',
        'You are not allowed to wake north-clinic/dev; only leads of its owner, group:default/cardiology-leads, can',
      ),
    ).toBeDisabled();
  });

  it('says only that leads may, for an environment nobody owns', async () => {
    render([{ clinic: 'north-clinic', owner: null }], {
      deniedEnvironments: ['north-clinic/dev'],
    });

    expect(
      await deniedButton(
        'Wake north-clinic',
        'You are not allowed to wake environments; only leads can',
      ),
    ).toBeDisabled();
    expect(screen.queryByText(/owner/)).not.toBeInTheDocument();
  });
});
