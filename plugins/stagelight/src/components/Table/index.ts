export { LabelledTable, RowHeaderCell } from './LabelledTable';
export type { LabelledTableProps, TableColumn } from './LabelledTable';
