/**
 * The parts of the image-review stack package the scaffolder uses: its config
 * schema and naming function, so the template and the stack can never disagree.
 *
 * Imported from the package's index, which also loads aws-cdk-lib (about 1 s
 * and 40 MB at backend start-up). A light `./config` entry point in the stack
 * package would avoid that; this file is the one place to change then.
 */
export {
  clinicConfigSchema,
  parseClinicConfig,
  environmentNames,
} from '@stagelight/image-review-stack';
export type {
  ClinicConfig,
  ClinicConfigInput,
  ResolvedStage,
} from '@stagelight/image-review-stack';
