import { Spin, Typography } from "antd";
import type { ReactNode } from "react";

interface Props<T> {
  items: readonly T[];
  /** One `<li>` per item, keyed by the caller. */
  renderItem: (item: T) => ReactNode;
  empty: ReactNode;
  header?: ReactNode;
  loading?: boolean;
}

/**
 * The few lines a panel lists (clocks, watchers, attachments, a customer's cases, the bell). Not
 * antd's List: that brings pagination and with it the Select and a virtual list, about 40 KB of
 * gzipped script, onto every page that shows a panel.
 */
export function PlainList<T>({ items, renderItem, empty, header, loading }: Props<T>) {
  return (
    <div className="plain-list">
      {header && <div className="plain-list-header">{header}</div>}
      {loading ? (
        <Spin size="small" />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <ul>{items.map(renderItem)}</ul>
      )}
    </div>
  );
}
