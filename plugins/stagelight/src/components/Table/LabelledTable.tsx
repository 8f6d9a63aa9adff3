import { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@material-ui/core';

/** A column whose header is more than its name, or is styled. */
export interface TableColumn {
  key: string;
  header: ReactNode;
  className?: string;
}

export interface LabelledTableProps {
  /** The table's accessible name, e.g. "Stages of north-clinic". */
  label: string;
  /** The column headers in order: a name, or a column with its own header. */
  columns: readonly (string | TableColumn)[];
  /** Styles the table, e.g. its cells through `& td`. */
  className?: string;
  /** The rows. */
  children: ReactNode;
  /** Shown below the table, e.g. that the list is cut. */
  footnote?: ReactNode;
}

/**
 * A small table named for assistive technology, with one row of column
 * headers: the frame of the stage board, the pipeline, the fleet and the
 * audit tables.
 */
export function LabelledTable(props: LabelledTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-label={props.label} className={props.className}>
        <TableHead>
          <TableRow>
            {props.columns.map(column => {
              const { key, header, className } =
                typeof column === 'string'
                  ? { key: column, header: column, className: undefined }
                  : column;
              return (
                <TableCell
                  key={key}
                  component="th"
                  scope="col"
                  className={className}
                >
                  {header}
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>{props.children}</TableBody>
      </Table>
      {props.footnote}
    </TableContainer>
  );
}

/** The cell that names its row: a row header, as screen readers announce it with each cell. */
export function RowHeaderCell(props: {
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableCell
      component="th"
      scope="row"
      role="rowheader"
      className={props.className}
    >
      {props.children}
    </TableCell>
  );
}
