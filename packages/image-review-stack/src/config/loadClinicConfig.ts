import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot';
import { ClinicConfig, ClinicConfigError, parseClinicConfig } from './schema';

/**
 * The config file at the package root; the scaffolder writes this file for a new clinic.
 *
 * @public
 */
export const DEFAULT_CLINIC_CONFIG_PATH = join(
  PACKAGE_ROOT,
  'clinic.config.json',
);

/** @public */
export function loadClinicConfig(
  path = DEFAULT_CLINIC_CONFIG_PATH,
): ClinicConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ClinicConfigError(
      [`cannot read JSON: ${(error as Error).message}`],
      path,
    );
  }
  return parseClinicConfig(raw, path);
}
