import { AnyAwsClient, AwsClientCustomizer } from './AwsClientFactory';

/**
 * Counts HTTP attempts to AWS by `service:Operation` (retries included), through
 * client middleware placed after the retry middleware.
 */
export class CallCounter {
  readonly #counts = new Map<string, number>();

  readonly customizer: AwsClientCustomizer = (client: AnyAwsClient, where) => {
    client.middlewareStack.add(
      (next, context) => async args => {
        const key = `${where.service}:${context.commandName ?? 'unknown'}`;
        this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
        return next(args);
      },
      { step: 'deserialize', name: 'stagelightCallCounter', override: true },
    );
  };

  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort());
  }

  total(): number {
    return [...this.#counts.values()].reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.#counts.clear();
  }
}
