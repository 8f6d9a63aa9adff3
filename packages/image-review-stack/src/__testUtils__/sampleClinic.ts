import { join } from 'node:path';

/**
 * The clinic the stack's own tests describe. It is a fixture, not the
 * repository's clinic.config.json, so the tests hold in every repository
 * generated for another clinic.
 */
export const SAMPLE_CLINIC_CONFIG_PATH = join(__dirname, 'northwind.clinic.json');
