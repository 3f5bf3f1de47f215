import type { TableColumnsType } from "antd";
import { memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ComplaintListItem } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { ListTable } from "../../components/list-table";
import { FlagTags, StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/i18n";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";

/** Past this many rows (after "load more") only the rows in view are rendered. */
const LONG = 100;

/**
 * The queue's rows. Memoised with its columns, so typing in the search box or opening a dialog
 * does not render fifty rows again; each countdown ticks on its own (components/countdown.tsx).
 */
export const QueueTable = memo(function QueueTable({ rows }: { rows: ComplaintListItem[] }) {
  const { t } = useTranslation();
  const categoryLabel = useTermLabel("category");
  const columns = useMemo<TableColumnsType<ComplaintListItem>>(
    () => [
      {
        title: t("field.number"),
        dataIndex: "number",
        render: (number: string, row) => <CaseLink id={row.id}>{number}</CaseLink>,
      },
      {
        title: t("field.kind"),
        dataIndex: "kind",
        render: (kind: string) => t(`kind.${kind}`),
      },
      {
        title: t("field.status"),
        dataIndex: "status",
        render: (s: string, row) => (
          <>
            <StatusTag status={s} />
            <FlagTags flags={row.flags} />
          </>
        ),
      },
      {
        title: t("field.subject"),
        dataIndex: "subject",
        ellipsis: true,
      },
      {
        title: t("field.customer"),
        render: (_, row) => `${row.customer.name} ${row.customer.phone ?? ""}`,
      },
      {
        title: t("field.category"),
        dataIndex: "category",
        render: (c: string | null) => categoryLabel(c),
      },
      {
        title: t("field.severity"),
        dataIndex: "severity",
        render: (s: string) => t(`severity.${s}`),
      },
      {
        title: t("field.due"),
        dataIndex: "dueAt",
        render: (dueAt: string | null) => <Countdown dueAt={dueAt} />,
      },
      { title: t("field.createdAt"), dataIndex: "createdAt", render: formatTime },
    ],
    [t, categoryLabel],
  );
  const long = rows.length > LONG;
  return (
    <ListTable<ComplaintListItem>
      dataSource={rows}
      locale={{ emptyText: t("queue.empty") }}
      columns={columns}
      virtual={long}
      scroll={long ? { y: 640 } : undefined}
    />
  );
});
