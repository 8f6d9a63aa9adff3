import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** The reason field of a power or lease dialog. */
export function reasonField(dialog: HTMLElement) {
  return within(dialog).getByRole('textbox', { name: /Reason/ });
}

/** Types `text` (user-event syntax: `{Enter}` submits) into the dialog's reason field. */
export async function typeReason(dialog: HTMLElement, text: string) {
  await userEvent.type(reasonField(dialog), text);
}

/** Clicks the dialog's button named `name`. */
export async function clickInDialog(dialog: HTMLElement, name: string) {
  await userEvent.click(within(dialog).getByRole('button', { name }));
}
