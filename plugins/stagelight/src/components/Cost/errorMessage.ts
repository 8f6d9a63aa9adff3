import { ResponseError } from '@backstage/errors';

/** The backend's own explanation of a failure, not the generic "Request failed with 400". */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error.message;
}
