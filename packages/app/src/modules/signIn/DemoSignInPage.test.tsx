import { fireEvent, screen, waitFor } from '@testing-library/react';
import { discoveryApiRef, IdentityApi } from '@backstage/core-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DemoSignInPage } from './DemoSignInPage';
import { storedPersona } from './storedPersona';

const discovery = {
  getBaseUrl: async (id: string) => `http://backend/api/${id}`,
};

const personas = [
  {
    userEntityRef: 'user:default/guest',
    displayName: 'Guest Developer',
    groups: ['group:default/developers'],
  },
  {
    userEntityRef: 'user:default/lee.lead',
    displayName: 'Lee Lead',
    email: 'lee.lead@example.org',
    groups: ['group:default/developers', 'group:default/leads'],
  },
];

/** An error as a Backstage backend answers it. */
function backendError(name: string, message: string, statusCode: number) {
  return json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/api/auth/demo' },
      response: { statusCode },
    },
    statusCode,
  );
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const session = (userEntityRef: string) => ({
  providerInfo: {},
  profile: { displayName: 'Lee Lead' },
  backstageIdentity: {
    // a token whose expiry lies far ahead, as the proxied identity reads it
    token: `h.${Buffer.from(JSON.stringify({ exp: 4102444800 })).toString(
      'base64url',
    )}.s`,
    identity: {
      type: 'user',
      userEntityRef,
      ownershipEntityRefs: [userEntityRef],
    },
  },
});

function renderPage(onSignInSuccess: (identity: IdentityApi) => void) {
  return renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, {
    apis: [[discoveryApiRef, discovery]],
  });
}

describe('DemoSignInPage', () => {
  let fetchSpy: jest.SpyInstance;
  beforeEach(() => {
    localStorage.clear();
    fetchSpy = jest.spyOn(global, 'fetch');
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists the personas and signs in as the one chosen, remembering it until sign-out', async () => {
    fetchSpy.mockImplementation(async (url: string) =>
      url.endsWith('/demo/personas')
        ? json({ personas })
        : json(session('user:default/lee.lead')),
    );
    const onSignInSuccess = jest.fn();
    renderPage(onSignInSuccess);

    expect(await screen.findByText('Lee Lead')).toBeInTheDocument();
    expect(screen.getByText('Member of developers, leads')).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Sign in as Lee Lead' }),
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const [url, init] = fetchSpy.mock.calls[1];
    expect(url).toBe('http://backend/api/auth/demo/refresh');
    expect(new Headers(init.headers).get('x-stagelight-persona')).toBe(
      'user:default/lee.lead',
    );
    expect(storedPersona.get()).toBe('user:default/lee.lead');

    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/lee.lead',
    );
    await identity.signOut();
    expect(storedPersona.get()).toBeUndefined();
  });

  it('signs in again as the remembered persona without asking', async () => {
    storedPersona.set('user:default/guest');
    fetchSpy.mockImplementation(async () =>
      json(session('user:default/guest')),
    );
    const onSignInSuccess = jest.fn();
    renderPage(onSignInSuccess);

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0][0]).toBe(
      'http://backend/api/auth/demo/refresh',
    );
  });

  it('goes back to the choice with the reason when the remembered persona is refused', async () => {
    storedPersona.set('user:default/someone.else');
    fetchSpy.mockImplementation(async (url: string) =>
      url.endsWith('/demo/personas')
        ? json({ personas })
        : backendError(
            'NotAllowedError',
            'user:default/someone.else is not a demo persona',
            403,
          ),
    );
    const onSignInSuccess = jest.fn();
    renderPage(onSignInSuccess);

    expect(await screen.findByText(/Sign-in failed/)).toBeInTheDocument();
    expect(
      await screen.findByText(/someone.else is not a demo persona/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Sign in as Guest Developer' }),
    ).toBeInTheDocument();
    expect(storedPersona.get()).toBeUndefined();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it('says why when the backend offers no demo sign-in', async () => {
    fetchSpy.mockResolvedValue(
      backendError(
        'NotFoundError',
        'Demo sign-in is not configured (auth.providers.demo)',
        404,
      ),
    );
    renderPage(jest.fn());

    expect(
      await screen.findByText(/Demo sign-in is not available/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Demo sign-in is not configured/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign in as/ })).toBeNull();
  });
});
