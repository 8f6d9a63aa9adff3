/**
 * A stand-in for environments' APIs: answers GET /<clinic>/<stage>/version with
 * the marker set for that environment, 503 when none is set.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface VersionServer {
  baseUrlTemplate: string;
  served: Map<string, string>;
  requests: string[];
  close(): Promise<void>;
}

export async function startVersionServer(): Promise<VersionServer> {
  const served = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/([^/]+)\/([^/]+)\/version$/.exec(req.url ?? '');
    const marker = match && served.get(`${match[1]}/${match[2]}`);
    if (!marker) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ marker }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrlTemplate: `http://127.0.0.1:${port}/{clinic}/{stage}`,
    served,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
