import type {
  PowerMarkerKind,
  PowerState,
} from '@stagelight/backstage-plugin-stagelight-common';
import type { Theme } from '@material-ui/core/styles';

/** Each recorded state's colour, from the theme's palette, so bands follow a light or dark theme. */
export function stateColours(theme: Theme): Record<PowerState, string> {
  const { palette } = theme;
  return {
    awake: palette.success.main,
    asleep: palette.grey[500],
    paused: palette.info.light,
    waking: palette.warning.light,
    sleeping: palette.secondary.light,
    partial: palette.warning.dark,
    unknown: palette.error.main,
  };
}

/** The schedule's windows and the lease, drawn as strips above the bands. */
export function overlayColours(theme: Theme) {
  return {
    schedule: theme.palette.primary.main,
    lease: theme.palette.secondary.main,
    unrecorded: theme.palette.action.hover,
    text: theme.palette.text.secondary,
  };
}

/** Markers differ in shape as well as colour, so colour is not the only cue. */
export const MARKER_SHAPES: Record<
  PowerMarkerKind,
  'triangle' | 'square' | 'diamond' | 'cross'
> = {
  wake: 'triangle',
  sleep: 'square',
  'lease-extend': 'diamond',
  'lease-end': 'cross',
};

export function markerColour(theme: Theme, kind: PowerMarkerKind): string {
  return kind === 'wake' || kind === 'sleep'
    ? theme.palette.text.primary
    : theme.palette.secondary.main;
}
