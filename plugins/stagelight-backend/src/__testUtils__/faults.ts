/**
 * Fault injection for AWS SDK clients through their middleware stacks: a rule
 * decides per attempt (retries included) whether to throw a throttling error, a
 * 5xx, a timeout, or to add latency.
 */
import { AwsClientCustomizer, AwsServiceName } from '../aws/AwsClientFactory';

export type Fault =
  | { kind: 'throttle' }
  | { kind: 'server-error'; status?: number }
  | { kind: 'timeout' }
  | { kind: 'latency'; ms: number };

export interface FaultRule {
  service: AwsServiceName;
  operation: string;
  /** Which calls it hits, by the command's input; all when omitted. */
  match?: (input: Record<string, unknown>) => boolean;
  /** Fails this many attempts per matching call, then lets it through; forever when omitted. */
  times?: number;
  fault: Fault;
}

const INPUT = Symbol('stagelightFaultInput');
const ATTEMPTS = Symbol('stagelightFaultAttempts');

function awsError(name: string, status: number, message: string) {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts: 1 },
  });
}

export class FaultInjector {
  /** Attempts that met a rule, by `service:Operation`. */
  readonly hits = new Map<string, number>();
  #rules: FaultRule[] = [];

  set(rules: FaultRule[]) {
    this.#rules = rules;
  }

  clear() {
    this.#rules = [];
    this.hits.clear();
  }

  readonly customizer: AwsClientCustomizer = (client, where) => {
    const stack = client.middlewareStack;
    // The input is only visible before serialization: keep it on the per-call context.
    stack.add(
      (next, context) => async args => {
        (context as any)[INPUT] = args.input;
        (context as any)[ATTEMPTS] = 0;
        return next(args);
      },
      { step: 'initialize', name: 'stagelightFaultInput', override: true },
    );
    stack.add(
      (next, context) => async args => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const input = ((context as any)[INPUT] ?? {}) as Record<
          string,
          unknown
        >;
        const rule = this.#rules.find(
          r =>
            r.service === where.service &&
            r.operation === operation &&
            (!r.match || r.match(input)),
        );
        if (rule) {
          const attempt = ((context as any)[ATTEMPTS] =
            ((context as any)[ATTEMPTS] ?? 0) + 1);
          if (rule.times === undefined || attempt <= rule.times) {
            const key = `${where.service}:${operation}`;
            this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
            const f = rule.fault;
            if (f.kind === 'throttle')
              throw awsError('ThrottlingException', 400, 'Rate exceeded');
            if (f.kind === 'server-error') {
              throw awsError(
                'InternalFailure',
                f.status ?? 503,
                'Injected server error',
              );
            }
            if (f.kind === 'timeout')
              throw awsError('TimeoutError', 408, 'Injected timeout');
            await new Promise(r => setTimeout(r, f.ms));
          }
        }
        return next(args);
      },
      { step: 'deserialize', name: 'stagelightFaultInjector', override: true },
    );
  };
}
