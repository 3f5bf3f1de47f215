import { Table, type TableProps } from "antd";

/**
 * The workbench's tables: compact, rows keyed by their id, and showing every row they are given —
 * a long list pages by the API's cursor ("load more"), not by the table. A table may say otherwise.
 */
export function ListTable<T extends object>(props: TableProps<T>) {
  return <Table<T> rowKey="id" size="small" pagination={false} {...props} />;
}
