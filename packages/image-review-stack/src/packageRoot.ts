import { dirname } from 'node:path';

/** This package's folder: where clinic.config.json sits and bundles are written. */
export const PACKAGE_ROOT = dirname(
  require.resolve('@stagelight/image-review-stack/package.json'),
);
