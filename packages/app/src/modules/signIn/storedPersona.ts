/** Where the browser remembers the demo persona, so a reload signs in again. */
const KEY = 'stagelight.demoPersona';

export const storedPersona = {
  get: (): string | undefined => localStorage.getItem(KEY) ?? undefined,
  set: (userEntityRef: string) => localStorage.setItem(KEY, userEntityRef),
  clear: () => localStorage.removeItem(KEY),
};
