import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  afterEach(() => jest.restoreAllMocks());

  it('offers the demo personas the auth backend lists on its sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Stagelight' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    const fetchSpy = jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          personas: [
            {
              userEntityRef: 'user:default/lee.lead',
              displayName: 'Lee Lead',
              groups: ['group:default/leads'],
            },
          ],
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
    );

    render(App.createRoot());

    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign in as Lee Lead' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Member of leads')).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalledWith(
      'http://localhost:7007/api/auth/demo/personas',
    );
  }, 30_000);
});
