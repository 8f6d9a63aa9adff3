import type { MiddlewareStack } from '@aws-sdk/types';

/**
 * The IAM service prefix of the calls each client makes: with the command's
 * name it gives the action a refusal is about (`ecs` + `UpdateService`).
 */
export const IAM_SERVICE_PREFIX = {
  cloudwatch: 'cloudwatch',
  ecs: 'ecs',
  elbv2: 'elasticloadbalancing',
  lambda: 'lambda',
  rds: 'rds',
  scaling: 'application-autoscaling',
  tagging: 'tag',
  sqs: 'sqs',
  sts: 'sts',
  costExplorer: 'ce',
} as const;

/** Error names AWS services answer a call the caller's policies do not allow with. */
const DENIED_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'NotAuthorized',
]);

/** The same, in a response body the client could not parse (moto_server answers XML to JSON clients). */
const DENIED_IN_BODY =
  /<Code>\s*(AccessDenied|AccessDeniedException|UnauthorizedOperation)\s*<\/Code>|"__type"\s*:\s*"[^"]*AccessDenied/;
const MESSAGE_IN_BODY =
  /<Message>([^<]*)<\/Message>|"[Mm]essage"\s*:\s*"([^"]*)"/;

/**
 * An AWS call refused for lack of a permission, naming the IAM action, so an
 * environment's error or a failed operation reads "ecs:UpdateService denied"
 * rather than the SDK's own words (or, against moto, a JSON parse error).
 */
export class AwsAccessDeniedError extends Error {
  /** e.g. `ecs:UpdateService` */
  readonly action: string;
  readonly $metadata: { httpStatusCode: number };

  constructor(action: string, detail: string, cause: unknown) {
    super(`${action} denied${detail ? ` (${detail})` : ''}`, { cause });
    this.name = 'AccessDenied';
    this.action = action;
    this.$metadata = { httpStatusCode: 403 };
  }
}

/** The IAM action a command of a client sends: `ecs` and `UpdateServiceCommand` give `ecs:UpdateService`. */
export function iamActionOf(prefix: string, commandName: string): string {
  return `${prefix}:${commandName.replace(/Command$/, '')}`;
}

async function bodyText(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(
      typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk,
    );
  }
  return Buffer.concat(chunks);
}

/**
 * Turns every refusal a client gets into an {@link AwsAccessDeniedError}
 * naming the action. Two middlewares: one next to the HTTP handler keeps the
 * body of a 403 answer (and gives the deserializer a copy), one around the
 * whole call (after retries) replaces the SDK's error.
 */
export function reportAccessDenied(
  client: { middlewareStack: MiddlewareStack<any, any> },
  iamPrefix: string,
): void {
  const deniedBodies = new WeakMap<object, string>();
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      const result = await next(args);
      const response = result.response;
      if (response?.statusCode === 403 && response.body) {
        const bytes = await bodyText(response.body);
        response.body = bytes;
        deniedBodies.set(context, new TextDecoder().decode(bytes));
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'stagelightKeepDeniedBody' },
  );
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof AwsAccessDeniedError) throw error;
        const e = error as { name?: string; message?: string };
        const body = deniedBodies.get(context) ?? '';
        const denied =
          DENIED_NAMES.has(e?.name ?? '') ||
          DENIED_IN_BODY.test(body) ||
          /not authorized to perform/i.test(e?.message ?? '');
        if (!denied) throw error;
        const inBody = MESSAGE_IN_BODY.exec(body);
        const detail = DENIED_NAMES.has(e?.name ?? '')
          ? e.message ?? ''
          : inBody?.[1] ?? inBody?.[2] ?? '';
        throw new AwsAccessDeniedError(
          iamActionOf(iamPrefix, context.commandName ?? 'Unknown'),
          detail.trim(),
          error,
        );
      }
    },
    { step: 'initialize', priority: 'high', name: 'stagelightAccessDenied' },
  );
}
