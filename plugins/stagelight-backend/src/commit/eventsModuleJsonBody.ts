import { createBackendModule } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { HttpBodyParser } from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';

/**
 * The events backend's JSON body parser, but a malformed body is a 400
 * naming the problem instead of a 500: webhooks are the one route anyone on
 * the internet can post to, and a crash is the wrong answer to them.
 */
export const parseWebhookJson: HttpBodyParser = async (
  request,
  parsedMediaType,
  topic,
) => {
  const bodyBuffer = request.body;
  if (!Buffer.isBuffer(bodyBuffer)) {
    throw new InputError(`The body of the ${topic} event could not be read`);
  }
  const encoding = parsedMediaType.parameters.charset ?? 'utf-8';
  if (!Buffer.isEncoding(encoding)) {
    throw new InputError(`Unsupported charset: ${encoding.slice(0, 40)}`);
  }
  try {
    return {
      bodyParsed: JSON.parse(bodyBuffer.toString(encoding)),
      bodyBuffer,
      encoding,
    };
  } catch {
    throw new InputError(`The body of the ${topic} event is not valid JSON`);
  }
};

/**
 * Add to the backend beside the events plugin: webhook bodies that are not JSON get a 400.
 *
 * @public
 */
export const eventsModuleStagelightJsonBody = createBackendModule({
  pluginId: 'events',
  moduleId: 'stagelight-json-body',
  register(reg) {
    reg.registerInit({
      deps: { events: eventsExtensionPoint },
      async init({ events }) {
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: parseWebhookJson,
        });
      },
    });
  },
});
