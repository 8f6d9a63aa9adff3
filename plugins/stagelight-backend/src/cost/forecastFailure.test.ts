import { forecastFailureText } from './forecastFailure';

describe('forecastFailureText', () => {
  it('says an endpoint that does not speak Cost Explorer, instead of the parser noise', () => {
    const error = Object.assign(
      new SyntaxError(
        `Unexpected token '<', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
      ),
      { $response: { statusCode: 404 }, $metadata: { httpStatusCode: 404 } },
    );
    expect(forecastFailureText(error)).toBe(
      'the endpoint did not answer as Cost Explorer does (HTTP 404)',
    );
  });

  it("keeps an AWS error's name and first line", () => {
    const error = Object.assign(
      new Error('Insufficient amount of historical data\nrequest id abc'),
      { name: 'DataUnavailableException', $metadata: { httpStatusCode: 400 } },
    );
    expect(forecastFailureText(error)).toBe(
      'DataUnavailableException: Insufficient amount of historical data',
    );
  });

  it('shortens a very long message', () => {
    const text = forecastFailureText(new Error('x'.repeat(500)));
    expect(text).toHaveLength('Error: '.length + 200);
    expect(text.endsWith('…')).toBe(true);
  });
});
