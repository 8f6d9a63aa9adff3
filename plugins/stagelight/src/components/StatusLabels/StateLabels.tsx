import {
  RiCheckboxCircleLine,
  RiCloseCircleLine,
  RiErrorWarningLine,
  RiLoader4Line,
  RiLockLine,
  RiMoonLine,
  RiPauseCircleLine,
  RiQuestionLine,
  RiSunLine,
  RiTimeLine,
  type RemixiconComponentType,
} from '@remixicon/react';
import type {
  PowerState,
  ReadinessState,
} from '@stagelight/backstage-plugin-stagelight-common';
import { formatAge, isStale } from '../../status/dataAge';
import { StatusLabel, StatusTone } from './StatusLabel';

type Presentation = {
  tone: StatusTone;
  icon: RemixiconComponentType;
  text: string;
};

/** Asleep reads the same as a power state and as a readiness. */
const ASLEEP: Presentation = {
  tone: 'neutral',
  icon: RiMoonLine,
  text: 'Asleep',
};

/** A state on its way to another: the turning loader. */
const inProgress = (text: string): Presentation => ({
  tone: 'progress',
  icon: RiLoader4Line,
  text,
});

const POWER: Record<PowerState, Presentation> = {
  awake: { tone: 'ok', icon: RiSunLine, text: 'Awake' },
  asleep: ASLEEP,
  waking: inProgress('Waking'),
  sleeping: inProgress('Going to sleep'),
  partial: { tone: 'warning', icon: RiErrorWarningLine, text: 'Partly awake' },
  paused: {
    tone: 'neutral',
    icon: RiPauseCircleLine,
    text: 'Paused (database may auto-pause)',
  },
  unknown: { tone: 'warning', icon: RiQuestionLine, text: 'Unknown' },
};

const READINESS: Record<ReadinessState, Presentation> = {
  ready: { tone: 'ok', icon: RiCheckboxCircleLine, text: 'Ready' },
  deploying: inProgress('Deploying'),
  stale: {
    tone: 'warning',
    icon: RiErrorWarningLine,
    text: 'Serving an older marker',
  },
  down: { tone: 'error', icon: RiCloseCircleLine, text: 'Down' },
  asleep: ASLEEP,
};

/** The power state in words; a state this frontend does not know reads "Unknown". */
export function PowerStateLabel(props: { power: PowerState }) {
  return <PresentedLabel {...(POWER[props.power] ?? POWER.unknown)} />;
}

/** The readiness in words; a state this frontend does not know reads "Down". */
export function ReadinessLabel(props: { readiness: ReadinessState }) {
  return <PresentedLabel {...(READINESS[props.readiness] ?? READINESS.down)} />;
}

function PresentedLabel(props: Presentation) {
  return (
    <StatusLabel tone={props.tone} icon={props.icon}>
      {props.text}
    </StatusLabel>
  );
}

/** Marks a protected stage (never put to sleep) in words, not only colour. */
export function ProtectedLabel() {
  return (
    <StatusLabel tone="warning" icon={RiLockLine}>
      Protected
    </StatusLabel>
  );
}

/** "updated 40 s ago", with a warning when the data is older than the threshold. */
export function DataAgeLabel(props: {
  ageSeconds: number;
  staleAfterSeconds?: number;
}) {
  const stale = isStale(props.ageSeconds, props.staleAfterSeconds);
  const text = `updated ${formatAge(props.ageSeconds)} ago`;
  return stale ? (
    <StatusLabel tone="warning" icon={RiErrorWarningLine}>
      {text} (stale)
    </StatusLabel>
  ) : (
    <StatusLabel tone="neutral" icon={RiTimeLine}>
      {text}
    </StatusLabel>
  );
}
