import { ReactNode } from 'react';
import { TableCell, TableRow, Typography } from '@material-ui/core';
import type { AuditRecord } from '@stagelight/backstage-plugin-stagelight-common';
import {
  actionLabel,
  actorLabel,
  auditTarget,
  startedOperation,
} from '../../power/history';
import { LabelledTable } from '../Table';
import { AuditResultLabel } from './AuditResultLabel';

export interface AuditTableProps {
  records: AuditRecord[];
  /** The table's accessible name. */
  label: string;
  /**
   * Within one clinic the stage says which environment a record is about;
   * across the fleet it takes the environment (or bulk scope) to say it.
   */
  target: 'stage' | 'environment';
  /** Shown below the table, e.g. that the list is cut. */
  footnote?: ReactNode;
}

/** Audit records as a table: when, who, what, where, why and with what result. */
export function AuditTable(props: AuditTableProps) {
  const { records, target } = props;
  const columns = [
    'When',
    'Who',
    'Action',
    target === 'stage' ? 'Stage' : 'Environment',
    'Reason',
    'Result',
  ];

  return (
    <LabelledTable
      label={props.label}
      columns={columns}
      footnote={props.footnote}
    >
      {records.map(r => (
        <TableRow key={r.id}>
          <TableCell>
            <time dateTime={r.at}>{new Date(r.at).toLocaleString()}</time>
          </TableCell>
          <TableCell>{actorLabel(r.actor)}</TableCell>
          <TableCell>{actionLabel(r.action)}</TableCell>
          <TableCell>
            {target === 'stage' ? r.stage ?? '–' : auditTarget(r)}
          </TableCell>
          <TableCell>{r.reason ?? '–'}</TableCell>
          <TableCell>
            <AuditResultLabel
              result={r.result}
              accepted={startedOperation(r)}
            />
            {r.detail && (
              <Typography variant="caption" component="div">
                {r.detail}
              </Typography>
            )}
          </TableCell>
        </TableRow>
      ))}
    </LabelledTable>
  );
}
