import { type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { QueueColumn } from "../../../domain/saved-view/queue-columns";
import type { ComplaintListItem } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { CutText } from "../../components/cut-text";
import { ListTable } from "../../components/list-table";
import { flagColor, StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";
import { RiskCell } from "./risk-column";

/** Past this many rows (after "load more") only the rows in view are rendered. */
const LONG = 100;

/** A missed or warned deadline of the case, then its flags: one line, the rest on hover. */
function Marks({ row }: { row: ComplaintListItem }) {
  const { t } = useTranslation();
  const { attention, flags } = row;
  const labels = flags.map((flag) => t(`flag.${flag}`, flag));
  const attentionText =
    attention &&
    t(`queue.attention.${attention.level}Detail`, {
      clock: t(`sla.clock.${attention.clock}`, attention.clock),
      at: formatTime(attention.at),
    });
  const tip = [attentionText, ...labels].filter(Boolean).join(" · ");
  if (!tip) return null;
  const [first, ...more] = flags;
  return (
    <Tooltip title={tip} placement="topLeft">
      <span className="cell-marks" data-testid="queue-marks">
        {attention && (
          <Tag
            color={attention.level === "breached" ? "red" : "orange"}
            data-attention={attention.level}
          >
            {t(`queue.attention.${attention.level}`)}
          </Tag>
        )}
        {first && <Tag color={flagColor(first)}>{t(`flag.${first}`, first)}</Tag>}
        {more.length > 0 && <Tag>+{more.length}</Tag>}
      </span>
    </Tooltip>
  );
}

/** When the next promise to the customer falls due; red once it has passed. */
function NextCallback({ at }: { at: string | null }) {
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  const late = dayjs(at).isBefore(dayjs());
  return (
    <Typography.Text
      type={late ? "danger" : undefined}
      strong={late}
      title={formatTime(at)}
      data-testid="next-callback"
    >
      {dayjs(at).format("MM-DD HH:mm")}
    </Typography.Text>
  );
}

/**
 * The queue's rows, in the columns the view chose. Memoised with its columns, so typing in the
 * search box or opening a dialog does not render fifty rows again; each countdown ticks on its
 * own (components/countdown.tsx). Every cell is one line (fixed layout, long text cut with its
 * whole on hover), so fifty rows keep one height at 1440×900.
 */
export const QueueTable = memo(function QueueTable({
  rows,
  columns: shown,
  byRisk,
  onSortByRisk,
}: {
  rows: ComplaintListItem[];
  columns: QueueColumn[];
  /** The rows come highest risk first (`sort=risk`): the 越级风险 header shows it sorted. */
  byRisk: boolean;
  /** Its header clicked: the server sorts by risk, or back to the queue's own order. */
  onSortByRisk: (byRisk: boolean) => void;
}) {
  const { t } = useTranslation();
  const categoryLabel = useTermLabel("category");
  const columns = useMemo(() => {
    const all: Record<QueueColumn, TableColumnsType<ComplaintListItem>[number]> = {
      number: {
        title: t("field.number"),
        dataIndex: "number",
        width: 158,
        render: (number: string, row) => <CaseLink id={row.id}>{number}</CaseLink>,
      },
      kind: {
        title: t("field.kind"),
        dataIndex: "kind",
        width: 78,
        render: (kind: string) => t(`kind.${kind}`),
      },
      status: {
        title: t("field.status"),
        dataIndex: "status",
        width: 84,
        render: (s: string) => <StatusTag status={s} />,
      },
      flags: {
        title: t("queue.marks"),
        key: "flags",
        width: 172,
        render: (_, row) => <Marks row={row} />,
      },
      risk: {
        title: t("riskQueue.column"),
        key: "risk",
        width: 92,
        // Sorted by the server (sort=risk), so every page loaded after follows the order too.
        sorter: true,
        sortOrder: byRisk ? "descend" : null,
        sortDirections: ["descend"],
        render: (_, row) => <RiskCell risk={row.risk} />,
      },
      subject: {
        title: t("field.subject"),
        dataIndex: "subject",
        render: (subject: string) => <CutText text={subject} testId="queue-subject" />,
      },
      customer: {
        title: t("field.customer"),
        key: "customer",
        width: 170,
        render: (_, row) => <CutText text={`${row.customer.name} ${row.customer.phone ?? ""}`} />,
      },
      owner: {
        title: t("field.owner"),
        key: "owner",
        width: 116,
        render: (_, row) =>
          row.owner ? (
            <span data-testid="queue-owner" title={t("queue.ownerTitle", row.owner)}>
              {row.owner.name}{" "}
              <Typography.Text type="secondary">{row.owner.agentNo}</Typography.Text>
            </span>
          ) : (
            <Typography.Text type="secondary">{t("complaint.noOwner")}</Typography.Text>
          ),
      },
      nextCallback: {
        title: t("queue.nextCallback"),
        dataIndex: "nextCallbackAt",
        width: 104,
        render: (at: string | null) => <NextCallback at={at} />,
      },
      category: {
        title: t("field.category"),
        dataIndex: "category",
        width: 92,
        render: (c: string | null) => <CutText text={categoryLabel(c)} />,
      },
      severity: {
        title: t("field.severity"),
        dataIndex: "severity",
        width: 78,
        render: (s: string) => t(`severity.${s}`),
      },
      due: {
        title: t("field.due"),
        dataIndex: "dueAt",
        width: 124,
        render: (dueAt: string | null) => <Countdown dueAt={dueAt} />,
      },
      createdAt: {
        title: t("field.createdAt"),
        dataIndex: "createdAt",
        width: 132,
        render: formatTime,
      },
    };
    return shown.map((key) => ({ key, ...all[key] }));
  }, [t, categoryLabel, shown, byRisk]);
  const long = rows.length > LONG;
  return (
    <ListTable<ComplaintListItem>
      className="queue-table"
      tableLayout="fixed"
      dataSource={rows}
      locale={{ emptyText: t("queue.empty") }}
      columns={columns}
      onChange={(_page, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        onSortByRisk(one?.columnKey === "risk" && one.order === "descend");
      }}
      virtual={long}
      scroll={long ? { y: 640 } : undefined}
    />
  );
});
