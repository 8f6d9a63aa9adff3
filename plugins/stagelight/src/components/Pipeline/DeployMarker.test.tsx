import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DeployMarker } from './DeployMarker';

const LONG = '3f9c2a1b7d8e4f6a9b0c1d2e3f4a5b6c7d8e9f0a';

describe('DeployMarker', () => {
  it('shortens a long marker, with the whole marker on hover and for screen readers', async () => {
    await renderInTestApp(<DeployMarker marker={LONG} />);

    const shown = screen.getByText('3f9c2a1b7d…e9f0a');
    expect(shown).toHaveAttribute('title', LONG);
    expect(shown).toHaveStyle({ whiteSpace: 'nowrap' });
    // Read once, whole: the shortened text is hidden from screen readers.
    expect(shown).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText(LONG)).toBeInTheDocument();
  });

  it('copies the whole marker', async () => {
    // The copy button selects the text and asks the browser to copy it; jsdom has no clipboard.
    const copied: string[] = [];
    document.execCommand = jest.fn(() => {
      copied.push(window.getSelection()?.toString() ?? '');
      return true;
    });
    await renderInTestApp(<DeployMarker marker={LONG} />);

    await userEvent.click(
      screen.getByRole('button', { name: `Copy deploy marker ${LONG}` }),
    );

    expect(copied).toEqual([LONG]);
    expect(await screen.findByText('Deploy marker copied')).toBeInTheDocument();
  });

  it('shows a short marker as it is', async () => {
    await renderInTestApp(<DeployMarker marker="c1" />);

    expect(screen.getByText('c1')).not.toHaveAttribute('title');
  });
});
