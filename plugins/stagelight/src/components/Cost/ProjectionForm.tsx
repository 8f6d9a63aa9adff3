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
} from '@internal/plugin-stagelight-common';
import { backendMessage, stagelightApiRef } from '../../api';
import { formatMoney } from '../../cost/money';
import { withDay } from '../../schedule/scheduleDraft';
import { dayName } from '../../schedule/scheduleText';
import { OptionSelect } from '../OptionSelect';

/** A few common zones; the backend accepts any IANA zone. */
export const PROJECTION_TIME_ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'UTC',
];

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
  const [stage, setStage] = useState(props.stages[0] ?? '');
  const [clinic, setClinic] = useState('');
  const [days, setDays] = useState<Weekday[]>([
    'mon',
    'tue',
    'wed',
    'thu',
    'fri',
  ]);
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('18:00');
  const [timeZone, setTimeZone] = useState(PROJECTION_TIME_ZONES[0]);
  const [preWarm, setPreWarm] = useState('15');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CostProjectionResponse>();
  const [error, setError] = useState<string>();

  const toggleDay = (day: Weekday) =>
    setDays(prev => withDay(prev, day, !prev.includes(day)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(
        await api.projectSchedule({
          ...(clinic ? { clinic } : {}),
          stage,
          schedule: {
            timeZone,
            windows: [{ days, start, end }],
            // An empty field means no pre-warm; any other text goes to the backend to validate.
            preWarmMinutes: preWarm.trim() === '' ? 0 : Number(preWarm),
            exceptions: [],
          },
        }),
      );
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
            value={stage}
            options={props.stages}
            onChange={setStage}
          />
          <OptionSelect
            id="stagelight-projection-clinic"
            label="Clinic"
            emptyLabel="Every clinic"
            value={clinic}
            options={props.clinics}
            onChange={setClinic}
          />
          <FormControl component="fieldset">
            <FormLabel component="legend">Awake on</FormLabel>
            <FormGroup row>
              {WEEKDAYS.map(day => (
                <FormControlLabel
                  key={day}
                  control={
                    <Checkbox
                      checked={days.includes(day)}
                      onChange={() => toggleDay(day)}
                      name={day}
                    />
                  }
                  label={dayName(day)}
                />
              ))}
            </FormGroup>
          </FormControl>
          <Box display="flex" gridGap={16}>
            <TextField
              id="stagelight-projection-start"
              label="From"
              type="time"
              value={start}
              onChange={e => setStart(e.target.value)}
              InputLabelProps={{ shrink: true }}
            />
            <TextField
              id="stagelight-projection-end"
              label="Until"
              type="time"
              value={end}
              onChange={e => setEnd(e.target.value)}
              InputLabelProps={{ shrink: true }}
            />
          </Box>
          <OptionSelect
            id="stagelight-projection-zone"
            label="Time zone"
            value={timeZone}
            options={PROJECTION_TIME_ZONES}
            onChange={setTimeZone}
          />
          <TextField
            id="stagelight-projection-prewarm"
            label="Pre-warm minutes"
            type="number"
            value={preWarm}
            onChange={e => setPreWarm(e.target.value)}
            helperText="Wake this long before the window opens"
          />
          <Box>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={running || !stage}
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
      <Typography variant="body2">Method: {result.method}</Typography>
      {result.diagnostics.map(d => (
        <Typography variant="body2" key={d.code}>
          {d.code}: {d.message}
        </Typography>
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
