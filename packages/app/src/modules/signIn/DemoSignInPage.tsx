import { useCallback, useEffect, useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { storedPersona } from './storedPersona';

/** A persona as `GET /api/auth/demo/personas` describes it. */
interface DemoPersona {
  userEntityRef: string;
  displayName: string;
  email?: string;
  groups: string[];
}

/** The auth backend's demo provider (plugins/auth-backend-module-stagelight-demo-personas). */
const PROVIDER = 'demo';
const PERSONA_HEADER = 'x-stagelight-persona';

function groupNames(groups: string[]): string {
  return groups.length
    ? groups.map(ref => parseEntityRef(ref).name).join(', ')
    : 'no groups';
}

/** The backend's explanation of a failed request, not the HTTP status line. */
function messageOf(error: Error): string {
  return error instanceof ResponseError ? error.cause.message : error.message;
}

/** Signing out forgets the persona, so the next visit offers the choice again. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      storedPersona.clear();
      await identity.signOut();
    },
  };
}

function PersonaPicker(props: {
  onPick(userEntityRef: string): void;
  failure?: Error;
}) {
  const discoveryApi = useApi(discoveryApiRef);
  const [personas, setPersonas] = useState<{
    loading: boolean;
    value?: DemoPersona[];
    error?: Error;
  }>({ loading: true });
  useEffect(() => {
    let current = true;
    (async () => {
      const base = await discoveryApi.getBaseUrl('auth');
      const response = await fetch(`${base}/${PROVIDER}/personas`);
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return ((await response.json()) as { personas: DemoPersona[] }).personas;
    })().then(
      value => current && setPersonas({ loading: false, value }),
      error => current && setPersonas({ loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [discoveryApi]);

  return (
    <Page themeId="home">
      <Header
        title="Stagelight"
        subtitle="Demo sign-in: choose who you are to see what that role may do"
      />
      <Content>
        {props.failure && (
          <WarningPanel
            severity="error"
            title="Sign-in failed"
            message={messageOf(props.failure)}
          />
        )}
        {personas.loading && <Progress />}
        {personas.error && (
          <WarningPanel
            severity="error"
            title="Demo sign-in is not available"
            message={messageOf(personas.error)}
          />
        )}
        <Grid container spacing={2} component="ul" style={{ padding: 0 }}>
          {personas.value?.map(persona => (
            <Grid
              item
              xs={12}
              sm={6}
              md={3}
              component="li"
              key={persona.userEntityRef}
              style={{ listStyle: 'none' }}
            >
              <InfoCard
                title={persona.displayName}
                subheader={persona.email}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => props.onPick(persona.userEntityRef)}
                  >
                    Sign in as {persona.displayName}
                  </Button>
                }
              >
                <Typography variant="body2">
                  Member of {groupNames(persona.groups)}
                </Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

/** Hands a failed sign-in back to the picker (a persona the backend no longer accepts). */
function ReportFailure(props: {
  error?: Error;
  onFailure(error: Error): void;
}) {
  const { error, onFailure } = props;
  useEffect(() => {
    onFailure(error ?? new Error('Sign-in failed'));
  }, [error, onFailure]);
  return <Progress />;
}

/**
 * The demo portal's sign-in page: the people of the demo organisation (a
 * developer, a lead of each of the groups that own the demo clinics, a
 * manager) to sign in as, each with its catalog groups and so its Stagelight
 * role. The choice is remembered until sign-out.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const [persona, setPersona] = useState(storedPersona.get);
  const [failure, setFailure] = useState<Error>();
  const onFailure = useCallback((error: Error) => {
    storedPersona.clear();
    setFailure(error);
    setPersona(undefined);
  }, []);
  const ErrorComponent = useMemo(
    () => (p: { error?: Error }) =>
      <ReportFailure error={p.error} onFailure={onFailure} />,
    [onFailure],
  );

  if (!persona) {
    return (
      <PersonaPicker
        failure={failure}
        onPick={ref => {
          storedPersona.set(ref);
          setFailure(undefined);
          setPersona(ref);
        }}
      />
    );
  }
  return (
    <ProxiedSignInPage
      key={persona}
      provider={PROVIDER}
      headers={{ [PERSONA_HEADER]: persona }}
      onSignInSuccess={identity =>
        props.onSignInSuccess(forgettingOnSignOut(identity))
      }
      ErrorComponent={ErrorComponent}
    />
  );
}
