import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Button, Input, Select, Space, Switch, Tag, Typography } from "antd";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { complaintStatuses } from "../../../domain/complaint/complaint-lifecycle";
import {
  normaliseColumns,
  type QueueColumn,
  shownQueueColumns,
} from "../../../domain/saved-view/queue-columns";
import { attentionLevels } from "../../../domain/sla/attention";
import { ApiError, api } from "../../api/client";
import type { ComplaintListItem, Page, SavedView, ViewCount, ViewFilters } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { FilterSelect } from "../../components/filter-select";
import { useLazyConfirm } from "../../components/lazy-confirm";
import { lazyExport } from "../../components/lazy-export";
import { QueryState } from "../../components/query-state";
import { useDebounced } from "../../components/use-debounced";
import { codeOptions } from "../../i18n/code-options";
import { ExportButton } from "../exports/export-button";
import { useDepartmentOptions, useTermOptions } from "../lists/lists";
import { useUser } from "../session/session";
import { ColumnChooser } from "./column-chooser";
import {
  cleanFilters,
  defaultFilters,
  filtersFromSearch,
  queueParams,
  reportFilterKeys,
  sameFilters,
} from "./queue-params";
import { QueueTable } from "./queue-table";
import { RiskFilter } from "./risk-column";
import {
  countText,
  useImportLocalViews,
  useSavedViews,
  useViewCounts,
  useViewMutations,
} from "./saved-views";
import { ALL_OPEN, ViewTabs } from "./view-tabs";

type Scope = "open" | "closed" | "all";
// Naming a view is a dialog (a form in antd's Modal): fetched when it is opened.
const ViewModal = lazyExport(() => import("./view-modal"), "ViewModal");

const scopeOf = (open: boolean | undefined): Scope =>
  open === undefined ? "all" : open ? "open" : "closed";
const openOf = (scope: Scope) => (scope === "all" ? undefined : scope === "open");

/** The queue's own tab keeps its columns in this browser; a view keeps them on the server. */
const localColumnsKey = (userId: string) => `kesu.queueColumns.${userId}`;
function readLocalColumns(userId: string): QueueColumn[] | null {
  try {
    const stored = JSON.parse(localStorage.getItem(localColumnsKey(userId)) ?? "null");
    return Array.isArray(stored) ? normaliseColumns(stored) : null;
  } catch {
    return null;
  }
}
const sameColumns = (a: QueueColumn[] | null, b: QueueColumn[] | null) =>
  shownQueueColumns(a).join() === shownQueueColumns(b).join();

export function QueueRoute() {
  const { t } = useTranslation();
  const message = useMessage();
  // The one confirm of the workbench (deleting a view): its own holder, not a provider on every page.
  const { confirm, holder: modalHolder } = useLazyConfirm();
  const user = useUser();
  const location = useLocation();
  // A link's filters (a dashboard chart's drill-down) open the queue on exactly those cases.
  const [filters, setFilters] = useState<ViewFilters>(
    () => filtersFromSearch(location.search) ?? defaultFilters,
  );
  const [search, setSearch] = useState("");
  const [activeKey, setActiveKey] = useState(ALL_OPEN);
  const [dialog, setDialog] = useState<"create" | "rename" | null>(null);
  const [columns, setColumns] = useState<QueueColumn[] | null>(() => readLocalColumns(user.id));
  // The 越级风险 header's order, asked of the server so every page follows it.
  const [byRisk, setByRisk] = useState(false);
  const shownColumns = useMemo(() => shownQueueColumns(columns), [columns]);
  const q = useDebounced(search.trim(), 300);
  const departments = useDepartmentOptions();
  const categories = useTermOptions("category");

  const views = useSavedViews();
  const counts = useViewCounts((views.data?.length ?? 0) > 0);
  const { update, remove } = useViewMutations();
  const onImported = useCallback(
    (count: number) => void message.success(t("queue.imported", { count })),
    [message, t],
  );
  useImportLocalViews(user.id, views.isSuccess, onImported);
  const active = views.data?.find((v) => v.id === activeKey);

  const current = cleanFilters({ ...filters, q: q || undefined });
  const params = queueParams(current, user.id, byRisk);
  const list = useInfiniteQuery({
    queryKey: ["complaints", "queue", params.toString()],
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(params);
      if (pageParam) page.set("cursor", pageParam);
      return api.get<Page<ComplaintListItem>>(`/complaints?${page}`);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Other filters show the rows at hand until theirs arrive, instead of a spinner.
    placeholderData: keepPreviousData,
  });
  // Cases a report counted: the queue says how many in all, the figure the chart showed.
  const fromReport = reportFilterKeys.some((key) => current[key] !== undefined);
  const total = useQuery({
    queryKey: ["complaints", "count", params.toString()],
    queryFn: () => api.post<{ items: ViewCount[] }>("/saved-views/counts", { filters: [current] }),
    enabled: fromReport,
  });
  const dropReportFilters = () =>
    setFilters((f) =>
      Object.fromEntries(
        Object.entries(f).filter(([key]) => !(reportFilterKeys as readonly string[]).includes(key)),
      ),
    );
  const pages = list.data?.pages;
  const rows = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);

  // The counts follow the list: whenever the list is fetched afresh, so are they.
  const refetchCounts = counts.refetch;
  const countsAt = counts.dataUpdatedAt;
  useEffect(() => {
    if (list.dataUpdatedAt && countsAt && list.dataUpdatedAt - countsAt > 2000)
      void refetchCounts();
  }, [list.dataUpdatedAt, countsAt, refetchCounts]);

  const set = (patch: ViewFilters) => setFilters((f) => ({ ...f, ...patch }));
  const select = (key: string) => {
    setActiveKey(key);
    const view = views.data?.find((v) => v.id === key);
    const { q: text, ...rest } = view?.filters ?? defaultFilters;
    setFilters(rest);
    setSearch(text ?? "");
    setColumns(view ? view.columns : readLocalColumns(user.id));
  };
  const chooseColumns = (chosen: QueueColumn[]) => {
    setColumns(chosen);
    if (!active) localStorage.setItem(localColumnsKey(user.id), JSON.stringify(chosen));
  };
  const columnsModified = !!active && !sameColumns(active.columns, columns);
  const modified = !sameFilters(active?.filters ?? defaultFilters, current) || columnsModified;
  const may = (action: SavedView["allowedActions"][number]) =>
    !!active?.allowedActions.includes(action);
  const mayShare = user.role === "supervisor" || user.role === "admin";

  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.code === "version_conflict")
      void message.warning(error.problem.title);
    else if (error instanceof ApiError && error.status !== 403)
      void message.error(error.problem.title);
  };
  const saveFilters = (view: SavedView) =>
    update.mutate(
      { id: view.id, version: view.version, filters: current, columns },
      { onError: refused },
    );
  const toggleShare = (view: SavedView) =>
    update.mutate(
      { id: view.id, version: view.version, shared: !view.shared },
      { onError: refused },
    );
  const confirmDelete = (view: SavedView) =>
    confirm({
      title: t("queue.deleteViewConfirm", { name: view.name }),
      okText: t("queue.deleteView"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        remove.mutateAsync(view).then(
          () => select(ALL_OPEN),
          (error: unknown) => refused(error),
        ),
    });

  const actions = (
    <>
      {active && !active.allowedActions.length && (
        <Typography.Text type="secondary">
          {t("queue.sharedBy", { name: active.owner.name })}
        </Typography.Text>
      )}
      {modified && <Tag>{t("queue.modified")}</Tag>}
      {active && modified && may("update") && (
        <Button loading={update.isPending} onClick={() => saveFilters(active)}>
          {t("queue.updateView")}
        </Button>
      )}
      {active && may("update") && (
        <Button onClick={() => setDialog("rename")}>{t("queue.renameView")}</Button>
      )}
      {active && may("share") && (
        <Button loading={update.isPending} onClick={() => toggleShare(active)}>
          {active.shared ? t("queue.unshareView") : t("queue.shareView")}
        </Button>
      )}
      {active && may("delete") && (
        <Button danger onClick={() => confirmDelete(active)}>
          {t("queue.deleteView")}
        </Button>
      )}
      <Button type="primary" ghost onClick={() => setDialog("create")}>
        {t("queue.saveView")}
      </Button>
    </>
  );

  return (
    <Card
      title={t("queue.title")}
      extra={
        <Space>
          {fromReport && (
            <Tag closable onClose={dropReportFilters} data-testid="queue-report-filter">
              {t("queue.fromReport")}
              {total.data?.items[0] && (
                <span data-testid="queue-total">
                  {" "}
                  {t("queue.total", { count: countText(total.data.items[0]) })}
                </span>
              )}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {t("queue.count", { count: rows.length })}
          </Typography.Text>
        </Space>
      }
    >
      {modalHolder}
      <ViewTabs
        views={views.data}
        viewsLoading={views.isLoading}
        viewsError={views.isError}
        onRetry={() => void views.refetch()}
        counts={counts.data}
        countsLoading={counts.isLoading}
        countsError={counts.isError}
        activeKey={active ? active.id : ALL_OPEN}
        onSelect={select}
        actions={actions}
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t("queue.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <Select<Scope>
          aria-label={t("queue.scope")}
          value={scopeOf(filters.open)}
          onChange={(scope) => set({ open: openOf(scope) })}
          style={{ width: 100 }}
          options={codeOptions(t, "queue.scopes", ["open", "closed", "all"] as const)}
        />
        <FilterSelect
          name={t("field.status")}
          width={200}
          mode="multiple"
          maxTagCount="responsive"
          value={[filters.status ?? []].flat()}
          // Picking statuses says which cases exactly; the open/closed scope steps aside.
          onChange={(status) =>
            set(status.length ? { status, open: undefined } : { status: undefined, open: true })
          }
          options={codeOptions(t, "status", complaintStatuses)}
        />
        <FilterSelect
          name={t("field.department")}
          width={160}
          showSearch={{ optionFilterProp: "label" }}
          value={filters.departmentId}
          onChange={(departmentId) => set({ departmentId })}
          options={departments.options}
        />
        <FilterSelect
          name={t("field.category")}
          width={140}
          value={filters.category}
          onChange={(category) => set({ category })}
          options={categories.options}
        />
        <FilterSelect
          name={t("queue.sla")}
          width={172}
          mode="multiple"
          maxTagCount="responsive"
          value={[filters.sla ?? []].flat()}
          onChange={(sla) => set({ sla: sla.length ? sla : undefined })}
          options={codeOptions(t, "queue.attention", attentionLevels)}
        />
        <RiskFilter value={filters.riskLevel} onChange={(riskLevel) => set({ riskLevel })} />
        <Space size={4}>
          <Switch
            size="small"
            aria-label={t("queue.mine")}
            checked={!!filters.mine}
            onChange={(mine) => set({ mine })}
          />
          {t("queue.mine")}
        </Space>
        {mayShare && (
          <Space size={4}>
            <Switch
              size="small"
              aria-label={t("queue.team")}
              checked={!!filters.team}
              onChange={(team) => set({ team })}
            />
            {t("queue.team")}
          </Space>
        )}
        <ColumnChooser value={shownColumns} onChange={chooseColumns} />
        <ExportButton request={() => ({ kind: "queue", filters: current })} />
      </Space>
      <Suspense fallback={null}>
        {dialog === "create" && (
          <ViewModal
            mode="create"
            filters={current}
            columns={columns}
            mayShare={mayShare}
            onClose={() => setDialog(null)}
            onSaved={(view) => {
              setDialog(null);
              setActiveKey(view.id);
            }}
          />
        )}
        {dialog === "rename" && active && (
          <ViewModal
            mode="rename"
            view={active}
            onClose={() => setDialog(null)}
            onSaved={() => setDialog(null)}
          />
        )}
      </Suspense>
      <QueryState query={list}>
        <QueueTable rows={rows} columns={shownColumns} byRisk={byRisk} onSortByRisk={setByRisk} />
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
