import { CodeSnippet, WarningPanel } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import {
  STAGELIGHT_BACKEND_ADD_LINE,
  StagelightBackendMissingError,
} from '../../api';

/**
 * What every Stagelight view shows when the backend has no Stagelight plugin:
 * a half install, named with the line that completes it, instead of a
 * generic "Request failed with status 404" folded behind an expander.
 */
export function BackendMissingPanel(props: {
  error: StagelightBackendMissingError;
}) {
  return (
    <WarningPanel
      severity="error"
      title="The Stagelight backend plugin is not installed"
      defaultExpanded
    >
      <Typography paragraph>
        This Backstage app has the Stagelight frontend, but its backend does not
        serve Stagelight ({props.error.url} answered 404 Not Found). Add the
        backend plugin to packages/backend/src/index.ts:
      </Typography>
      <CodeSnippet language="typescript" text={STAGELIGHT_BACKEND_ADD_LINE} />
      <Typography paragraph style={{ marginTop: 16 }}>
        Install it with yarn --cwd packages/backend add
        @stagelight/backstage-plugin-stagelight-backend, set
        stagelight.aws.targets in app-config.yaml, and restart the backend.
      </Typography>
    </WarningPanel>
  );
}
