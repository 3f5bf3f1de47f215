import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, Card, Input, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { complaintStatuses } from "../../../domain/complaint/complaint-lifecycle";
import { api, queryString } from "../../api/client";
import type { ComplaintListItem, Page } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { QueryState } from "../../components/query-state";
import { FlagTags, StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/i18n";
import { useDepartments, useTermLabel, useTermOptions } from "../lists/lists";
import { useUser } from "../session/session";
import { type QueueFilters, useSavedViews } from "./saved-views";

function useDebounced<T>(value: T, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function QueueRoute() {
  const { t } = useTranslation();
  const user = useUser();
  const [filters, setFilters] = useState<QueueFilters>({});
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const { views, save, remove } = useSavedViews(user.id);
  const departments = useDepartments();
  const categories = useTermOptions("category");
  const categoryLabel = useTermLabel("category");

  const params = {
    open: filters.status ? undefined : "true",
    status: filters.status,
    ownerId: filters.mine ? user.id : undefined,
    departmentId: filters.departmentId,
    category: filters.category,
    q: q || undefined,
    sort: "due",
    limit: 50,
  };
  const list = useInfiniteQuery({
    queryKey: ["complaints", params],
    queryFn: ({ pageParam }) =>
      api.get<Page<ComplaintListItem>>(
        `/complaints${queryString({ ...params, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: QueueFilters) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Card
      title={t("queue.title")}
      extra={
        <Typography.Text type="secondary">
          {t("queue.count", { count: rows.length })}
        </Typography.Text>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t("queue.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t("field.status")}
          value={filters.status}
          onChange={(status) => set({ status })}
          style={{ width: 120 }}
          options={complaintStatuses.map((s) => ({
            value: s,
            label: t(`status.${s}`),
          }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("field.department")}
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId })}
          style={{ width: 160 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          allowClear
          placeholder={t("field.category")}
          value={filters.category}
          onChange={(category) => set({ category })}
          style={{ width: 140 }}
          options={categories.options}
        />
        <Space size={4}>
          <Switch size="small" checked={!!filters.mine} onChange={(mine) => set({ mine })} />
          {t("queue.mine")}
        </Space>
        <Button
          onClick={() => {
            const name = window.prompt(t("queue.viewName"));
            if (name) save({ name, filters: { ...filters, q: search } });
          }}
        >
          {t("queue.saveView")}
        </Button>
      </Space>
      {views.length > 0 && (
        <div style={{ marginBottom: 8 }} title={t("queue.viewsNote")}>
          <Typography.Text type="secondary">{t("queue.views")}：</Typography.Text>
          {views.map((view) => (
            <Tag
              key={view.name}
              closable
              color="blue"
              style={{ cursor: "pointer" }}
              onClick={() => {
                setFilters(view.filters);
                setSearch(view.filters.q ?? "");
              }}
              onClose={() => remove(view.name)}
            >
              {view.name}
            </Tag>
          ))}
        </div>
      )}
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <Table<ComplaintListItem>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t("field.number"),
              dataIndex: "number",
              render: (number: string, row) => <Link to={`/complaints/${row.id}`}>{number}</Link>,
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
          ]}
        />
        {list.hasNextPage && (
          <Button
            block
            style={{ marginTop: 8 }}
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </QueryState>
    </Card>
  );
}
