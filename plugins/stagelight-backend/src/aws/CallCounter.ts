import { AnyAwsClient, AwsClientCustomizer } from './AwsClientFactory';
import { locationKey } from './AwsLocation';

/**
 * Counts HTTP attempts to AWS by `service:Operation` (retries included), through
 * client middleware placed after the retry middleware.
 */
/**
 * Calls `count` with the operation name (`GetCostAndUsage`) of every HTTP
 * attempt the client makes, retries included: middleware after the retry step.
 */
export function countAttempts(
  client: AnyAwsClient,
  count: (operation: string) => void,
): void {
  client.middlewareStack.add(
    (next, context) => async args => {
      count((context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'deserialize', name: 'stagelightCallCounter', override: true },
  );
}

export class CallCounter {
  readonly #counts = new Map<string, number>();
  /** By account/region (`locationKey`), then `service:Operation`. */
  readonly #byLocation = new Map<string, Map<string, number>>();

  readonly customizer: AwsClientCustomizer = (client: AnyAwsClient, where) =>
    countAttempts(client, operation => {
      const key = `${where.service}:${operation}Command`;
      this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
      const at = locationKey(where);
      const here = this.#byLocation.get(at) ?? new Map<string, number>();
      here.set(key, (here.get(key) ?? 0) + 1);
      this.#byLocation.set(at, here);
    });

  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort());
  }

  /** Attempts by account/region (`123456789012|us-east-1`, `main|…`), then by operation. */
  countsByLocation(): Record<string, Record<string, number>> {
    return Object.fromEntries(
      [...this.#byLocation.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([at, ops]) => [
          at,
          Object.fromEntries([...ops.entries()].sort()),
        ]),
    );
  }

  total(): number {
    return [...this.#counts.values()].reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.#counts.clear();
    this.#byLocation.clear();
  }
}
