/**
 * Why GetCostForecast failed, as a reader of the cost page needs it: the AWS
 * error's name and first line, not the SDK's parsing advice. An endpoint that
 * answers with something other than Cost Explorer JSON (local AWS has no
 * forecast; a proxy's HTML error page) is said as such.
 */
export function forecastFailureText(error: unknown): string {
  const e = error as Error & {
    $response?: { statusCode?: number };
    $metadata?: { httpStatusCode?: number };
  };
  const message = String(e?.message ?? error);
  if (e?.$response && /Deserialization error/i.test(message)) {
    const status = e.$response.statusCode ?? e.$metadata?.httpStatusCode;
    return `the endpoint did not answer as Cost Explorer does${
      status ? ` (HTTP ${status})` : ''
    }`;
  }
  const firstLine = message.split('\n')[0];
  const short =
    firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine;
  return `${e?.name ?? 'Error'}: ${short}`;
}
