import { ResponseError } from '@backstage/errors';

/**
 * The backend's own explanation of a failed request, not the generic
 * "Request failed with 400": the client's ResponseError carries it in `cause`.
 */
export function backendMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.cause?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
