import {
  DEFAULT_PROTECTED_STAGES,
  DEFAULT_STAGES,
} from '@stagelight/tag-contract';
import {
  ClinicConfig,
  ClinicConfigInput,
  clinicConfigSchema,
  parseClinicConfig,
} from '../stack/stackPackage';
import { clinicIdProblem } from './clinicIdProblem';
import { defaultStageSize } from './stageDefaults';

/**
 * An AWS account and region for one stage, as the template's form asks for them.
 *
 * @public
 */
export interface StageLocation {
  account: string;
  region: string;
}

/**
 * The template's parameters that describe a clinic (everything but the repository).
 *
 * @public
 */
export interface ClinicForm {
  clinic: string;
  displayName: string;
  /** Entity ref of the owning group, e.g. group:default/imaging-team */
  owner: string;
  /** Keyed by stage name; every stage of {@link @stagelight/tag-contract#DEFAULT_STAGES} is needed. */
  stages: Record<string, StageLocation | undefined>;
  reviewers: string[];
  senderEmail: string;
  identityProvider: {
    type: 'oidc' | 'saml';
    issuer?: string;
    clientId?: string;
    metadataUrl?: string;
  };
  /** Office IP ranges; when given, every non-protected stage only answers them. */
  officeCidrs?: string[];
  /** ACM certificate (us-east-1) for the web domain in the protected stage; without it CloudFront's own domain is used. */
  webCertificateArn?: string;
  webDomain: string;
}

/**
 * The form's values do not make a valid clinic; `problems` says what to fix, one line each.
 *
 * @public
 */
export class ClinicFormError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The clinic cannot be onboarded; fix these parameters:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'ClinicFormError';
  }
}

function identityProviderOf(
  idp: ClinicForm['identityProvider'],
): ClinicConfigInput['identityProvider'] {
  if (idp.type === 'saml') {
    return { type: 'saml', metadataUrl: idp.metadataUrl ?? '' };
  }
  return {
    type: 'oidc',
    issuer: idp.issuer ?? '',
    clientId: idp.clientId ?? '',
  };
}

/**
 * The clinic config file's content for a form: the form's answers plus the
 * starting sizes and access rules. Pure mapping; {@link checkClinicForm} validates.
 *
 * @public
 */
export function clinicConfigFromForm(form: ClinicForm): ClinicConfigInput {
  const officeCidrs = (form.officeCidrs ?? []).filter(c => c.trim() !== '');
  return {
    clinic: form.clinic,
    displayName: form.displayName,
    owner: form.owner,
    stages: DEFAULT_STAGES.map(name => {
      const location = form.stages?.[name];
      // Protected stages serve the clinic's users wherever they are.
      const isProtected = DEFAULT_PROTECTED_STAGES.includes(name);
      return {
        name,
        account: location?.account ?? '',
        region: location?.region ?? '',
        ...defaultStageSize(name),
        access:
          isProtected || officeCidrs.length === 0
            ? { public: true as const }
            : { allowCidrs: [...officeCidrs] }, // a list per stage: stages share no objects
        ...(isProtected && form.webCertificateArn
          ? { webCertificateArn: form.webCertificateArn }
          : {}),
      };
    }),
    reviewers: form.reviewers ?? [],
    senderEmail: form.senderEmail,
    identityProvider: identityProviderOf(form.identityProvider),
    webDomain: form.webDomain,
  };
}

/** Renders a config path in the form's terms: `stages.dev.account`, not `stages.0.account`. */
function formPath(path: PropertyKey[], config: ClinicConfigInput): string {
  const parts = path.map(String);
  if (parts[0] === 'stages' && parts.length > 1) {
    parts[1] = config.stages[Number(parts[1])]?.name ?? parts[1];
  }
  if (parts[0] === 'stages' && parts[2] === 'access') {
    return 'officeCidrs';
  }
  if (parts[0] === 'stages' && parts[2] === 'webCertificateArn') {
    return 'webCertificateArn';
  }
  return parts.join('.');
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

/**
 * Validates a form with the stack's own schema (so the template and the stack
 * can never disagree) and returns the config file's content and its parsed form.
 * Throws {@link ClinicFormError} listing every problem at once.
 *
 * @public
 */
export function checkClinicForm(form: ClinicForm): {
  file: ClinicConfigInput;
  config: ClinicConfig;
} {
  const file = clinicConfigFromForm(form);
  const problems: string[] = [];
  const idProblem = clinicIdProblem(file.clinic ?? '');
  if (idProblem) problems.push(idProblem);

  const result = clinicConfigSchema.safeParse(file);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      // The clinic id is explained above, more precisely than the schema can,
      // and its length problem would repeat per stage as a bucket-name problem.
      if (
        idProblem &&
        (issue.path[0] === 'clinic' || issue.message.startsWith('clinic id'))
      ) {
        continue;
      }
      const value = valueAt(file, issue.path);
      const got =
        typeof value === 'string' && value !== ''
          ? ` (got ${JSON.stringify(value)})`
          : '';
      const line = `${formPath(issue.path, file)}: ${issue.message}${got}`;
      if (!seen.has(line)) problems.push(line);
      seen.add(line);
    }
  }
  if (problems.length > 0) throw new ClinicFormError(problems);
  return { file, config: parseClinicConfig(file) };
}
