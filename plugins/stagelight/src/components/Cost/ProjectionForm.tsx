import { FormEvent, ReactNode, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import {
  CostProjectionResponse,
  Weekday,
  WEEKDAYS,
} from '@stagelight/backstage-plugin-stagelight-common';
import { backendMessage, stagelightApiRef } from '../../api';
import { formatMoney } from '../../cost/money';
import { TechnicalDetails } from './TechnicalDetails';
import {
  newProjectionDraft,
  PROJECTION_TIME_ZONES,
  ProjectionDraft,
  projectionRequest,
} from '../../cost/projectionDraft';
import { WindowDraft, withDay } from '../../schedule/scheduleDraft';
import { dayName } from '../../schedule/scheduleText';
import { OptionSelect } from '../OptionSelect';
import { TimeField } from '../TimeField';

/**
 * "What would office hours cost?": one weekly window for a stage (optionally
 * one clinic), projected by the backend; its validation errors show here.
 */
export function ProjectionForm(props: {
  stages: string[];
  clinics: string[];
  currency: string;
}) {
  const api = useApi(stagelightApiRef);
  const [draft, setDraft] = useState(() =>
    newProjectionDraft(props.stages[0] ?? ''),
  );
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CostProjectionResponse>();
  const [error, setError] = useState<string>();

  const update = (change: Partial<ProjectionDraft>) =>
    setDraft(prev => ({ ...prev, ...change }));
  const updateWindow = (change: Partial<WindowDraft>) =>
    setDraft(prev => ({ ...prev, window: { ...prev.window, ...change } }));
  const setDay = (day: Weekday, awake: boolean) =>
    updateWindow({ days: withDay(draft.window.days, day, awake) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.projectSchedule(projectionRequest(draft)));
    } catch (e) {
      setError(backendMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box display="flex" flexWrap="wrap" gridGap={32}>
      <form aria-label="Schedule projection" onSubmit={submit} noValidate>
        <Box display="flex" flexDirection="column" gridGap={16} maxWidth={420}>
          <OptionSelect
            id="stagelight-projection-stage"
            label="Stage"
            value={draft.stage}
            options={props.stages}
            onChange={stage => update({ stage })}
          />
          <OptionSelect
            id="stagelight-projection-clinic"
            label="Clinic"
            emptyLabel="Every clinic"
            value={draft.clinic}
            options={props.clinics}
            onChange={clinic => update({ clinic })}
          />
          <FormControl component="fieldset">
            <FormLabel component="legend">Awake on</FormLabel>
            <FormGroup row>
              {WEEKDAYS.map(day => (
                <FormControlLabel
                  key={day}
                  control={
                    <Checkbox
                      checked={draft.window.days.includes(day)}
                      onChange={e => setDay(day, e.target.checked)}
                      name={day}
                    />
                  }
                  label={dayName(day)}
                />
              ))}
            </FormGroup>
          </FormControl>
          <Box display="flex" gridGap={16}>
            <TimeField
              id="stagelight-projection-start"
              label="From"
              value={draft.window.start}
              onChange={start => updateWindow({ start })}
            />
            <TimeField
              id="stagelight-projection-end"
              label="Until"
              value={draft.window.end}
              onChange={end => updateWindow({ end })}
            />
          </Box>
          <OptionSelect
            id="stagelight-projection-zone"
            label="Time zone"
            value={draft.timeZone}
            options={PROJECTION_TIME_ZONES}
            onChange={timeZone => update({ timeZone })}
          />
          <TextField
            id="stagelight-projection-prewarm"
            label="Pre-warm minutes"
            type="number"
            value={draft.preWarmMinutes}
            onChange={e => update({ preWarmMinutes: e.target.value })}
            helperText="Wake this long before the window opens"
          />
          <Box>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={running || !draft.stage}
            >
              {running ? 'Projecting…' : 'Project monthly cost'}
            </Button>
          </Box>
          {error && (
            <Typography role="alert" color="error">
              The schedule could not be projected: {error}
            </Typography>
          )}
        </Box>
      </form>
      {result && <ProjectionResult result={result} currency={props.currency} />}
    </Box>
  );
}

function ProjectionResult(props: {
  result: CostProjectionResponse;
  currency: string;
}) {
  const { result, currency } = props;
  const scope = result.clinic
    ? `${result.clinic}/${result.stage}`
    : `every ${result.stage} environment (${result.environments})`;
  return (
    <Box maxWidth={520} role="region" aria-label="Projection result">
      <Typography variant="h6">
        Projection for {scope}, {result.month.start} to {result.month.end} (
        {result.month.timeZone})
      </Typography>
      <Table size="small">
        <TableBody>
          <ResultRow label="Projected monthly cost">
            {formatMoney(result.projectedMonthlyCost, currency)}
          </ResultRow>
          <ResultRow label="Current monthly cost">
            {formatMoney(result.currentMonthlyCost, currency)}
          </ResultRow>
          <ResultRow label="Savings">
            {formatMoney(result.savings, currency)}
          </ResultRow>
          <ResultRow label="Hours awake / asleep">
            {result.awakeHours.toFixed(1)} / {result.asleepHours.toFixed(1)} of{' '}
            {result.hoursInMonth.toFixed(1)}
          </ResultRow>
        </TableBody>
      </Table>
      <TechnicalDetails about="the projection" detail={result.method}>
        Worked out from what each environment cost on recent awake and asleep
        days.
      </TechnicalDetails>
      {result.diagnostics.map(d => (
        <div key={`${d.code}:${d.message}`}>
          <TechnicalDetails about="the projection's note" detail={d.detail}>
            {d.message}
          </TechnicalDetails>
        </div>
      ))}
    </Box>
  );
}

/** One figure of the projection, named by its row header. */
function ResultRow(props: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {props.label}
      </TableCell>
      <TableCell>{props.children}</TableCell>
    </TableRow>
  );
}
