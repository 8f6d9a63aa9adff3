import { useState } from 'react';
import { Box, TextField, Typography } from '@material-ui/core';
import type {
  BulkPowerResponse,
  ListClinicsResponse,
  PowerOperationKind,
  StageInfo,
} from '@stagelight/backstage-plugin-stagelight-common';
import {
  bulkEffect,
  bulkTargets,
  environmentCount,
} from '../../power/bulkTargets';
import { BulkPowerButton } from './BulkPowerButton';
import { BulkPowerDialog } from './BulkPowerDialog';
import { BulkPowerResult } from './BulkPowerResult';

export interface BulkPowerActionsProps {
  clinics: ListClinicsResponse;
  /** The configured stages in promotion order, with their protection. */
  stages: StageInfo[];
}

/**
 * Wake or sleep a whole clinic, or one stage in every clinic, after a
 * confirmation; then the result of each environment, the page reading its
 * status again as each operation ends.
 */
export function BulkPowerActions(props: BulkPowerActionsProps) {
  const targets = bulkTargets(props.clinics, props.stages);
  const [key, setKey] = useState<string>();
  const [dialog, setDialog] = useState<PowerOperationKind>();
  const [result, setResult] = useState<{
    kind: PowerOperationKind;
    label: string;
    response: BulkPowerResponse;
  }>();

  if (targets.length === 0) {
    return <Typography>No environments to wake or put to sleep.</Typography>;
  }
  const target = targets.find(t => t.key === key) ?? targets[0];
  const sleepable = bulkEffect(target, 'sleep').acted.length > 0;
  // Each environment is decided for its own clinic's owner, as the backend decides it.
  const owners = new Map(props.clinics.items.map(c => [c.clinic, c.owner]));
  const actedOn = (kind: PowerOperationKind) =>
    bulkEffect(target, kind).acted.map(e => ({
      clinic: e.clinic,
      stage: e.stage,
      owner: owners.get(e.clinic) ?? null,
    }));

  return (
    <>
      <Box
        display="flex"
        alignItems="flex-end"
        flexWrap="wrap"
        style={{ gap: 16 }}
      >
        <TextField
          select
          id="stagelight-bulk-target"
          label="Environments to wake or put to sleep"
          value={target.key}
          onChange={e => setKey(e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 320 }}
        >
          {targets.map(t => (
            <option key={t.key} value={t.key}>
              {t.label} ({environmentCount(t.environments.length)})
            </option>
          ))}
        </TextField>
        <BulkPowerButton
          kind="wake"
          environments={actedOn('wake')}
          id="stagelight-bulk-wake"
          label="Wake all"
          onClick={() => setDialog('wake')}
        />
        <BulkPowerButton
          kind="sleep"
          environments={actedOn('sleep')}
          id="stagelight-bulk-sleep"
          label="Sleep all"
          disabled={!sleepable}
          onClick={() => setDialog('sleep')}
        />
      </Box>
      {!sleepable && (
        <Typography variant="caption" component="div">
          Every environment of {target.label} is protected: nothing to put to
          sleep.
        </Typography>
      )}
      {result && (
        <Box mt={2}>
          <BulkPowerResult
            kind={result.kind}
            label={result.label}
            response={result.response}
          />
        </Box>
      )}
      {(['wake', 'sleep'] as const).map(kind => (
        <BulkPowerDialog
          key={kind}
          open={dialog === kind}
          kind={kind}
          target={target}
          onClose={() => setDialog(undefined)}
          onStarted={response => {
            setDialog(undefined);
            setResult({ kind, label: target.label, response });
          }}
        />
      ))}
    </>
  );
}
