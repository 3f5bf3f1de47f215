import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Button, Space, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkOrderStatus } from "../../../domain/complaint/work-order-lifecycle";
import { api, queryString } from "../../api/client";
import type { InboxItem, InboxList } from "../../api/types";
import { Card } from "../../components/card";
import { Countdown } from "../../components/countdown";
import { CutText } from "../../components/cut-text";
import { FilterSelect } from "../../components/filter-select";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { useDepartmentOptions } from "../lists/lists";
import { useUser } from "../session/session";
import { OrderDepartment } from "./order-department";
import { useWorkOrderActions } from "./work-order-actions";

/**
 * The inbox's tabs: what the department still owes (waiting and in hand, due first), each of
 * those states alone, then what has left its hands (finished, returned, cancelled: latest first).
 */
const tabs = ["open", "pending", "accepted", "completed", "returned", "cancelled"] as const;
type InboxTab = (typeof tabs)[number];
const owed: readonly WorkOrderStatus[] = ["pending", "accepted"];
const statusesOf = (tab: InboxTab): WorkOrderStatus[] => (tab === "open" ? [...owed] : [tab]);
const isOwed = (tab: InboxTab) => tab === "open" || tab === "pending" || tab === "accepted";

/** Work dispatched to my department (handlers are scoped by the server; others pick a department). */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const departments = useDepartmentOptions();
  const [departmentId, setDepartmentId] = useState<string | undefined>(
    user.departmentId ?? undefined,
  );
  const [tab, setTab] = useState<InboxTab>("open");
  const actions = useWorkOrderActions({ emphasize: true });
  const owedTab = isOwed(tab);
  const params = {
    departmentId,
    status: statusesOf(tab),
    sort: owedTab ? "due" : "finished",
    counts: true,
    limit: 50,
  };
  const list = useInfiniteQuery({
    queryKey: ["work-orders", params],
    queryFn: ({ pageParam }) =>
      api.get<InboxList>(
        `/work-orders${queryString({ ...params, counts: pageParam ? undefined : true, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Another tab shows the rows at hand (and their counts) until its own arrive.
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;
  const countOf = (which: InboxTab) => {
    if (!counts) return "";
    const parts = statusesOf(which).map((s) => counts[s]);
    const n = parts.reduce((sum, c) => sum + c.count, 0);
    return parts.some((c) => c.capped) ? `${n}+` : `${n}`;
  };
  const now = dayjs();
  const overdue = (w: InboxItem) => owed.includes(w.status) && dayjs(w.dueAt).isBefore(now);
  return (
    <Card
      title={t("inbox.title")}
      extra={
        user.role !== "department_handler" && (
          <FilterSelect
            name={t("field.department")}
            width={160}
            value={departmentId}
            onChange={setDepartmentId}
            options={departments.options}
          />
        )
      }
    >
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(key) => setTab(key as InboxTab)}
        items={tabs.map((key) => ({
          key,
          label: (
            <span data-testid={`inbox-tab-${key}`}>
              {key === "open" ? t("inbox.open") : t(`workOrderStatus.${key}`)}{" "}
              <Typography.Text type="secondary" data-testid="inbox-count">
                {countOf(key)}
              </Typography.Text>
            </span>
          ),
        }))}
      />
      <QueryState
        query={list}
        isEmpty={rows.length === 0}
        emptyText={tab === "open" ? t("inbox.emptyOpen") : t("inbox.empty")}
      >
        <ListTable<InboxItem>
          className="inbox-table"
          tableLayout="fixed"
          dataSource={rows}
          rowClassName={(w) => (overdue(w) ? "row-overdue" : "")}
          columns={[
            {
              title: t("inbox.complaint"),
              dataIndex: "complaintNumber",
              width: 250,
              render: (n: string, row) => (
                <Space size={4}>
                  <CaseLink id={row.complaintId}>{n}</CaseLink>
                  {row.round > 0 && (
                    <Tag color="orange" data-testid="inbox-round">
                      {t("complaint.round", { round: row.round })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t("field.subject"),
              dataIndex: "subject",
              render: (subject: string) => <CutText text={subject} />,
            },
            {
              title: t("field.department"),
              width: 150,
              render: (_, w) => <OrderDepartment order={w} />,
            },
            {
              title: t("field.status"),
              dataIndex: "status",
              width: 84,
              render: (s: string) => <Tag>{t(`workOrderStatus.${s}`)}</Tag>,
            },
            {
              title: t("field.severity"),
              dataIndex: "severity",
              width: 70,
              render: (s: string) => t(`severity.${s}`, s),
            },
            {
              title: t("field.instructions"),
              dataIndex: "instructions",
              render: (text: string | null) => (text ? <CutText text={text} /> : "—"),
            },
            {
              title: t("inbox.dispatchedAt"),
              dataIndex: "dispatchedAt",
              width: 140,
              render: formatTime,
            },
            owedTab
              ? {
                  title: t("inbox.due"),
                  dataIndex: "dueAt",
                  width: 130,
                  render: (d: string) => <Countdown dueAt={d} />,
                }
              : {
                  title: t(`inbox.finishedAt.${tab}`),
                  dataIndex: "finishedAt",
                  width: 140,
                  render: (d: string | null) => (
                    <span data-testid="inbox-finished-at">{formatTime(d)}</span>
                  ),
                },
            { title: "", width: 150, render: (_, w) => actions.buttons(w) },
          ]}
        />
        {list.hasNextPage && (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t("common.loadMore")}
          </Button>
        )}
      </QueryState>
      {actions.dialog}
    </Card>
  );
}
