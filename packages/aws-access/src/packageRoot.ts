import { dirname, resolve } from 'node:path';

/** The package's own folder, where `templates/` is. */
export const PACKAGE_ROOT = dirname(
  require.resolve('@stagelight/aws-access/package.json'),
);
export const TEMPLATES_DIR = resolve(PACKAGE_ROOT, 'templates');
