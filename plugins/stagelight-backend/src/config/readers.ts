import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * The readers every settings block uses, so that a bad value fails start-up
 * with the same message naming its full key, whichever block it is in.
 * `block` is the config block (possibly absent), `path` its full key
 * (`stagelight.power`), `key` the entry inside it.
 */
export function readPositiveNumber(
  block: Config | undefined,
  path: string,
  key: string,
  fallback: number,
): number {
  return readPositive(block, path, key, fallback, 'number');
}

export function readPositiveInteger(
  block: Config | undefined,
  path: string,
  key: string,
  fallback: number,
): number {
  return readPositive(block, path, key, fallback, 'integer');
}

function readPositive(
  block: Config | undefined,
  path: string,
  key: string,
  fallback: number,
  kind: 'number' | 'integer',
): number {
  const value = block?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0) || (kind === 'integer' && !Number.isInteger(value))) {
    throw new InputError(`${path}.${key} must be a positive ${kind}`);
  }
  return value;
}

/** A duration (`{ minutes: 5 }` or an ISO/human string), or the fallback when absent. */
export function readOptionalDuration(
  block: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!block?.has(key)) return fallback;
  return readDurationFromConfig(block, { key });
}

/** A positive duration in milliseconds, or the fallback when absent. */
export function readPositiveDurationMs(
  block: Config | undefined,
  path: string,
  key: string,
  fallbackMs: number,
): number {
  if (!block?.has(key)) return fallbackMs;
  const ms = durationToMilliseconds(readDurationFromConfig(block, { key }));
  if (!(ms > 0)) throw new InputError(`${path}.${key} must be positive`);
  return ms;
}
