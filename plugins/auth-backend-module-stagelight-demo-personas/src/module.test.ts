import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import authPlugin from '@backstage/plugin-auth-backend';
import authModule from '.';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'lee.lead', namespace: 'default' },
    spec: {
      profile: { displayName: 'Lee Lead', email: 'lee.lead@example.org' },
      memberOf: ['leads', 'developers'],
    },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/leads' },
      { type: 'memberOf', targetRef: 'group:default/developers' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'max.manager', namespace: 'default' },
    spec: { memberOf: ['managers'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/managers' }],
  },
];

async function startAuth(demo: object | undefined) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModule,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { providers: demo ? { demo } : {} },
        },
      }),
    ],
  });
  return server;
}

/** The sign-in request the app's sign-in page sends, naming a persona or nobody. */
function refresh(
  server: Awaited<ReturnType<typeof startAuth>>,
  persona?: string,
) {
  const req = request(server)
    .get('/api/auth/demo/refresh')
    .set('X-Requested-With', 'XMLHttpRequest');
  return persona ? req.set('x-stagelight-persona', persona) : req;
}

const personas = ['user:default/lee.lead', 'max.manager', 'user:default/gone'];

function identityOf(body: any) {
  const token: string = body.backstageIdentity.token;
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('demo persona sign-in', () => {
  it('lists the configured personas with their names and groups from the catalog', async () => {
    const server = await startAuth({
      personas,
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await request(server).get('/api/auth/demo/personas');
    expect(res.status).toBe(200);
    expect(res.body.personas).toEqual([
      {
        userEntityRef: 'user:default/lee.lead',
        displayName: 'Lee Lead',
        email: 'lee.lead@example.org',
        groups: ['group:default/developers', 'group:default/leads'],
      },
      {
        userEntityRef: 'user:default/max.manager',
        displayName: 'max.manager',
        groups: ['group:default/managers'],
      },
      { userEntityRef: 'user:default/gone', displayName: 'gone', groups: [] },
    ]);
  });

  it('signs in as the chosen persona with its groups as ownership', async () => {
    const server = await startAuth({
      personas,
      dangerouslyAllowOutsideDevelopment: true,
    });
    const res = await refresh(server, 'user:default/lee.lead');
    expect(res.status).toBe(200);
    const { identity } = res.body.backstageIdentity;
    expect(identity.userEntityRef).toBe('user:default/lee.lead');
    expect(identityOf(res.body).sub).toBe('user:default/lee.lead');
    expect(identity.ownershipEntityRefs).toEqual(
      expect.arrayContaining([
        'user:default/lee.lead',
        'group:default/leads',
        'group:default/developers',
      ]),
    );
  });

  it('refuses anyone who is not a persona, and a request naming nobody', async () => {
    const server = await startAuth({
      personas,
      dangerouslyAllowOutsideDevelopment: true,
    });
    const stranger = await refresh(server, 'user:default/admin');
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toContain(
      'user:default/admin is not a demo persona',
    );
    const nobody = await refresh(server);
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.message).toContain('x-stagelight-persona');
  });

  it('is refused outside development unless explicitly allowed', async () => {
    const server = await startAuth({ personas });
    const list = await request(server).get('/api/auth/demo/personas');
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain('development only');
    const signIn = await refresh(server, 'user:default/lee.lead');
    expect(signIn.status).toBe(403);
  });

  it('says so when demo sign-in is not configured', async () => {
    const server = await startAuth(undefined);
    const res = await request(server).get('/api/auth/demo/personas');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('auth.providers.demo');
  });
});
