import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, Card, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { workOrderStatuses } from "../../../domain/complaint/work-order-lifecycle";
import { api, queryString } from "../../api/client";
import type { InboxItem, Page } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { FilterSelect } from "../../components/filter-select";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/i18n";
import { CaseLink } from "../complaint/case-link";
import { useDepartmentOptions } from "../lists/lists";
import { useUser } from "../session/session";
import { OrderDepartment } from "./order-department";
import { useWorkOrderActions } from "./work-order-actions";

/** Work dispatched to my department (handlers are scoped by the server; others pick a department). */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const departments = useDepartmentOptions();
  const [departmentId, setDepartmentId] = useState<string | undefined>(
    user.departmentId ?? undefined,
  );
  const [status, setStatus] = useState<string | undefined>();
  const actions = useWorkOrderActions({ emphasize: true });
  const params = { departmentId, status, limit: 50 };
  const list = useInfiniteQuery({
    queryKey: ["work-orders", params],
    queryFn: ({ pageParam }) =>
      api.get<Page<InboxItem>>(`/work-orders${queryString({ ...params, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t("inbox.title")}
      extra={
        <Space>
          {user.role !== "department_handler" && (
            <FilterSelect
              name={t("field.department")}
              width={160}
              value={departmentId}
              onChange={setDepartmentId}
              options={departments.options}
            />
          )}
          <FilterSelect
            name={t("field.status")}
            width={120}
            value={status}
            onChange={setStatus}
            options={workOrderStatuses.map((s) => ({ value: s, label: t(`workOrderStatus.${s}`) }))}
          />
        </Space>
      }
    >
      <QueryState
        isLoading={list.isLoading}
        error={list.error}
        isEmpty={rows.length === 0}
        emptyText={t("inbox.empty")}
        onRetry={() => void list.refetch()}
      >
        <ListTable<InboxItem>
          dataSource={rows}
          columns={[
            {
              title: t("inbox.complaint"),
              dataIndex: "complaintNumber",
              render: (n: string, row) => <CaseLink id={row.complaintId}>{n}</CaseLink>,
            },
            { title: t("field.subject"), dataIndex: "subject", ellipsis: true },
            { title: t("field.department"), render: (_, w) => <OrderDepartment order={w} /> },
            {
              title: t("field.status"),
              dataIndex: "status",
              render: (s: string) => <Tag>{t(`workOrderStatus.${s}`)}</Tag>,
            },
            {
              title: t("field.severity"),
              dataIndex: "severity",
              render: (s: string) => t(`severity.${s}`, s),
            },
            { title: t("field.instructions"), dataIndex: "instructions", ellipsis: true },
            { title: t("inbox.dispatchedAt"), dataIndex: "dispatchedAt", render: formatTime },
            {
              title: t("field.due"),
              dataIndex: "complaintDueAt",
              render: (d: string | null) => <Countdown dueAt={d} />,
            },
            { title: "", render: (_, w) => actions.buttons(w) },
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
