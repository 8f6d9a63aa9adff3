/** Whether an SDK error is the "it does not exist" answer of its service. */
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return (
    /NotFound|NoSuch|NonExistent|DoesNotExist/i.test(e?.name ?? '') ||
    /NotFound|NoSuch/i.test(e?.Code ?? '') ||
    e?.$metadata?.httpStatusCode === 404
  );
}
