import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClinicFormError, checkClinicForm } from '../clinic/clinicForm';
import { findClinicInCatalog } from '../clinic/clinicCatalog';
import { examples } from './validateClinic.examples';

/** @public */
export const VALIDATE_CLINIC_ACTION_ID = 'stagelight:clinic:validate';

/**
 * First step of the new-clinic template: checks every parameter with the
 * stack's own config schema and the clinic id against the catalog, and fails
 * with one message listing what to fix before anything is generated. Outputs
 * the clinic config file's content for `stagelight:clinic-config:write`.
 *
 * @public
 */
export function createValidateClinicAction(options: {
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: VALIDATE_CLINIC_ACTION_ID,
    description:
      "Validates a new clinic's parameters (stack config schema, clinic id rules, uniqueness in the catalog) and outputs its clinic config.",
    examples,
    supportsDryRun: true,
    schema: {
      // Loose on purpose (strings, not patterns): the stack's config schema checks
      // the values in the handler, so a bad one gets the schema's own message.
      input: {
        clinic: z => z.string().describe('Clinic id'),
        displayName: z => z.string().describe('Display name'),
        owner: z =>
          z.string().describe('Owner group, e.g. group:default/imaging-team'),
        stages: z =>
          z
            .record(
              z.object({ account: z.string(), region: z.string() }).optional(),
            )
            .describe('AWS account and region per stage name'),
        reviewers: z =>
          z.array(z.string()).describe("Reviewers' email addresses"),
        senderEmail: z =>
          z.string().describe('Address the notification emails come from'),
        identityProvider: z =>
          z
            .object({
              type: z.enum(['oidc', 'saml']),
              issuer: z.string().optional(),
              clientId: z.string().optional(),
              metadataUrl: z.string().optional(),
            })
            .describe("The organisation's identity provider"),
        officeCidrs: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Office IP ranges; non-protected stages answer only these',
            ),
        webCertificateArn: z =>
          z
            .string()
            .optional()
            .describe('ACM certificate (us-east-1) for the web domain in prod'),
        webDomain: z => z.string().describe("The web app's domain in prod"),
      },
      output: {
        clinic: z => z.string().describe('The validated clinic id'),
        config: z =>
          z
            .record(z.unknown())
            .describe('The clinic config file content (clinic.config.json)'),
        stages: z =>
          z.array(z.string()).describe('Stage names in promotion order'),
      },
    },
    async handler(ctx) {
      let checked: ReturnType<typeof checkClinicForm>;
      try {
        checked = checkClinicForm(ctx.input);
      } catch (error) {
        if (error instanceof ClinicFormError) {
          throw new InputError(error.message);
        }
        throw error;
      }
      const existing = await findClinicInCatalog(
        options.catalog,
        checked.config.clinic,
        await ctx.getInitiatorCredentials(),
      );
      if (existing) {
        throw new InputError(
          `The clinic cannot be onboarded; fix these parameters:\n  - clinic id "${checked.config.clinic}" is taken: the catalog already has ${existing}; choose another id`,
        );
      }
      ctx.logger.info(
        `Clinic "${
          checked.config.clinic
        }" is valid and new: stages ${checked.config.stages
          .map(s => `${s.name} (${s.account}/${s.region})`)
          .join(', ')}`,
      );
      ctx.output('clinic', checked.config.clinic);
      ctx.output('config', checked.file as Record<string, unknown>);
      ctx.output(
        'stages',
        checked.config.stages.map(s => s.name),
      );
    },
  });
}
