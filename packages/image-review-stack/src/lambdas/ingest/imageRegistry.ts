import {
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type {
  RegisterImageRequest,
  RegisterImageResponse,
} from '../../api/contract';

/** The API service as the ingest Lambda sees it. */
export interface ImageRegistry {
  register(request: RegisterImageRequest): Promise<RegisterImageResponse>;
}

export class ApiRegistrationError extends Error {
  constructor(readonly status: number, body: string) {
    super(
      `API answered ${status} to image registration: ${body.slice(0, 300)}`,
    );
    this.name = 'ApiRegistrationError';
  }
}

/** Reads the service token once per Lambda container. */
export function secretTokenProvider(
  secrets: SecretsManagerClient,
  secretId: string,
): () => Promise<string> {
  let token: Promise<string> | undefined;
  return () => {
    token ??= secrets
      .send(new GetSecretValueCommand({ SecretId: secretId }))
      .then(out => {
        if (!out.SecretString)
          throw new Error(`secret ${secretId} has no string value`);
        return out.SecretString;
      })
      .catch(error => {
        token = undefined; // try again on the next message
        throw error;
      });
    return token;
  };
}

export class HttpImageRegistry implements ImageRegistry {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => Promise<string>,
    private readonly timeoutMs = 10_000,
  ) {}

  async register(
    request: RegisterImageRequest,
  ): Promise<RegisterImageResponse> {
    const res = await fetch(new URL('/images', this.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.token()}`,
      },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status !== 200 && res.status !== 201) {
      throw new ApiRegistrationError(res.status, await res.text());
    }
    return (await res.json()) as RegisterImageResponse;
  }
}
