import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/card";
import { Countdown } from "../../components/countdown";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";

/** A remedy's approval clock, or the case's deadline an extension would move. */
export function Clock({ dueAt }: { dueAt: string | null | undefined }) {
  if (!dueAt) return <span>—</span>;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{formatTime(dueAt)}</Typography.Text>
      <Countdown dueAt={dueAt} />
    </Space>
  );
}

/**
 * One list of what waits on a decision: a row an item with its cells, then the decisions the
 * caller may take on it (approve first, as the primary button).
 */
export function WaitingList<T extends { id: string }, A extends string>({
  title,
  testId,
  rowTestId,
  query,
  items,
  emptyText,
  headers,
  cells,
  actions,
  onAct,
}: {
  title: string;
  testId: string;
  rowTestId: string;
  query: UseQueryResult<unknown>;
  items: T[];
  emptyText: string;
  headers: string[];
  cells: (item: T) => ReactNode[];
  actions: (item: T) => readonly A[];
  onAct: (item: T, action: A) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <QueryState query={query}>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{emptyText}</Typography.Text>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header}>{header}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid={rowTestId}>
                  {cells(item).map((cell, i) => (
                    <td key={headers[i]}>{cell}</td>
                  ))}
                  <td>
                    <Space size={4}>
                      {actions(item).map((action) => (
                        <Button
                          key={action}
                          size="small"
                          type={action === "approve" ? "primary" : "default"}
                          onClick={() => onAct(item, action)}
                        >
                          {t(`remedy.${action}`)}
                        </Button>
                      ))}
                    </Space>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </Card>
  );
}
