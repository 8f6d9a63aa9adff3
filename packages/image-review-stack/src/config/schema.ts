import {
  DEFAULT_PROTECTED_STAGES,
  CLINIC_ID_MAX_LENGTH,
  environmentResourceNames,
  isValidClinicId,
} from '@stagelight/tag-contract';
import { z } from 'zod';

/**
 * The clinic config file (`clinic.config.json`): the only place a clinic's
 * variables live. The scaffolder generates it; everything else in the stack is
 * derived from it (see ./names.ts).
 */

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const STAGE_NAME = /^[a-z][a-z0-9]{0,9}$/;

/** An IPv4 or IPv6 CIDR block as WAF accepts it. */
const cidr = z
  .string()
  .refine(
    v => z.cidrv4().safeParse(v).success || z.cidrv6().safeParse(v).success,
    { message: 'must be an IPv4 or IPv6 CIDR block such as 203.0.113.0/24' },
  );

const stageSizeSchema = z.object({
  /** ECS tasks of the API while awake. */
  desiredCount: z.int().min(1).max(20),
  /** Fargate task CPU units (256 = 0.25 vCPU). */
  cpu: z.union([
    z.literal(256),
    z.literal(512),
    z.literal(1024),
    z.literal(2048),
    z.literal(4096),
  ]),
  memoryMiB: z.int().min(512).max(30720),
  /** Aurora Serverless v2 capacity range in ACUs. */
  dbMinAcu: z.number().min(0).max(256),
  dbMaxAcu: z.number().min(1).max(256),
});

const stageAccessSchema = z.union([
  z.object({ public: z.literal(true) }).strict(),
  z
    .object({
      /** Only these source ranges reach the stage (WAF IP allow-list). */
      allowCidrs: z.array(cidr).min(1),
    })
    .strict(),
]);

const stageSchema = z
  .object({
    name: z
      .string()
      .regex(
        STAGE_NAME,
        'stage names are 1-10 lowercase letters or digits, starting with a letter',
      ),
    account: z.string().regex(ACCOUNT_ID, 'must be a 12-digit AWS account id'),
    region: z
      .string()
      .regex(REGION, 'must be an AWS region such as eu-central-1'),
    /** Protected stages are never put to sleep and get deletion protection. */
    protected: z.boolean().optional(),
    /** Whether Aurora may auto-pause (min capacity 0) in this stage. */
    pausable: z.boolean(),
    size: stageSizeSchema,
    access: stageAccessSchema,
    /** ACM certificate in us-east-1 for the web app's own domain; without it CloudFront's default domain is used. */
    webCertificateArn: z
      .string()
      .regex(
        /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
        'must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from there)',
      )
      .optional(),
  })
  .strict();

const identityProviderSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('oidc'),
      /** e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
      issuer: z.url({ protocol: /^https$/ }),
      clientId: z.string().min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('saml'),
      metadataUrl: z.url({ protocol: /^https$/ }),
    })
    .strict(),
]);

const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** @public */
export const clinicConfigSchema = z
  .object({
    $schema: z.string().optional(),
    clinic: z.string().refine(isValidClinicId, {
      message: `invalid clinic id: use lowercase letters, digits and single hyphens, start with a letter, at most ${CLINIC_ID_MAX_LENGTH} characters`,
    }),
    displayName: z.string().min(1).max(100),
    /** Catalog owner, e.g. group:default/imaging-team */
    owner: z.string().min(1),
    stages: z.array(stageSchema).min(1),
    reviewers: z.array(z.email('must be an email address')).min(1),
    senderEmail: z.email('must be an email address'),
    identityProvider: identityProviderSchema,
    /** Object keys the ingest pipeline picks up start with this; default `<clinic>/`. */
    uploadPrefix: z
      .string()
      .regex(
        /^[A-Za-z0-9!_.*'()\-/]+\/$/,
        'must end with "/" and contain only S3-safe characters',
      )
      .optional(),
    /** Object keys the ingest pipeline picks up end with this; default `.jpg`. */
    imageSuffix: z
      .string()
      .regex(/^\.[A-Za-z0-9]+$/, 'must be a file extension such as .jpg')
      .optional(),
    /** The web app's domain in prod; other stages use `<stage>.<webDomain>`. */
    webDomain: z
      .string()
      .regex(DOMAIN, 'must be a lowercase DNS name such as review.example.org'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.stages.forEach((stage, i) => {
      if (seen.has(stage.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'name'],
          message: `stage "${stage.name}" appears twice`,
        });
      }
      seen.add(stage.name);
      const isProtected =
        stage.protected ?? DEFAULT_PROTECTED_STAGES.includes(stage.name);
      if (isProtected && stage.pausable) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'pausable'],
          message: `stage "${stage.name}" is protected and cannot pause its database`,
        });
      }
      if (stage.pausable && stage.size.dbMinAcu !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'size', 'dbMinAcu'],
          message:
            'a pausable stage has dbMinAcu 0 (Aurora pauses only at 0 ACU)',
        });
      }
      if (!stage.pausable && stage.size.dbMinAcu < 0.5) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'size', 'dbMinAcu'],
          message: 'a stage that does not pause needs dbMinAcu of at least 0.5',
        });
      }
      if (stage.size.dbMaxAcu < stage.size.dbMinAcu) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'size', 'dbMaxAcu'],
          message: 'dbMaxAcu must not be below dbMinAcu',
        });
      }
      // Every derived bucket name must fit S3's 63 characters.
      const names = environmentResourceNames(
        { clinic: config.clinic, stage: stage.name },
        stage.account,
      );
      const longest = [
        names.uploadsBucket,
        names.archiveBucket,
        names.logsBucket,
        names.webBucket,
      ].reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.length > 63) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'name'],
          message: `clinic id and stage name are too long together: "${longest}" exceeds S3's 63-character bucket name limit`,
        });
      }
    });
  });

/** @public */
export type ClinicConfigInput = z.input<typeof clinicConfigSchema>;
// The public types below derive from the exported schema, so that no
// unexported schema or alias becomes part of the package's API.
/**
 * One stage as the clinic config schema validates it; `protected` may be
 * unset ({@link ResolvedStage} has it resolved).
 *
 * @public
 */
export type StageConfig = z.output<typeof clinicConfigSchema>['stages'][number];
export type IdentityProviderConfig = z.output<typeof identityProviderSchema>;

/**
 * A validated clinic config with its defaults applied.
 *
 * @public
 */
export interface ClinicConfig
  extends Omit<
    z.output<typeof clinicConfigSchema>,
    'uploadPrefix' | 'imageSuffix' | 'stages' | '$schema'
  > {
  uploadPrefix: string;
  imageSuffix: string;
  stages: ResolvedStage[];
}

/** @public */
export interface ResolvedStage extends Omit<StageConfig, 'protected'> {
  protected: boolean;
}

/** @public */
export class ClinicConfigError extends Error {
  constructor(readonly issues: string[], source?: string) {
    super(
      `Invalid clinic config${source ? ` in ${source}` : ''}:\n${issues
        .map(i => `  - ${i}`)
        .join('\n')}`,
    );
    this.name = 'ClinicConfigError';
  }
}

/**
 * Validates a parsed config file and applies its defaults; throws {@link ClinicConfigError}.
 *
 * @public
 */
export function parseClinicConfig(raw: unknown, source?: string): ClinicConfig {
  const result = clinicConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ClinicConfigError(
      result.error.issues.map(
        issue =>
          `${issue.path.length ? issue.path.join('.') : '(root)'}: ${
            issue.message
          }`,
      ),
      source,
    );
  }
  const { $schema: _schema, ...config } = result.data;
  return {
    ...config,
    uploadPrefix: config.uploadPrefix ?? `${config.clinic}/`,
    imageSuffix: config.imageSuffix ?? '.jpg',
    stages: config.stages.map(stage => ({
      ...stage,
      protected:
        stage.protected ?? DEFAULT_PROTECTED_STAGES.includes(stage.name),
    })),
  };
}
