import { Button, Space, Spin, Tabs, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SavedView, ViewCount } from "../../api/types";
import { countText } from "./saved-views";

/** The tab of the queue as it opens, before any view is picked. */
export const ALL_OPEN = "all-open";

interface Props {
  views: SavedView[] | undefined;
  viewsLoading: boolean;
  viewsError: boolean;
  onRetry: () => void;
  counts: Map<string, ViewCount> | undefined;
  countsLoading: boolean;
  countsError: boolean;
  activeKey: string;
  onSelect: (key: string) => void;
  /** Buttons beside the tabs: save, rename, share, delete. */
  actions: ReactNode;
}

/** Saved views as tabs, each with the number of cases in it, shared ones marked. */
export function ViewTabs(props: Props) {
  const { t } = useTranslation();
  const { views, counts } = props;

  const countOf = (view: SavedView) => {
    const count = counts?.get(view.id);
    if (count) return countText(count);
    if (props.countsLoading) return "…";
    return props.countsError ? "—" : "";
  };

  const note = props.viewsLoading ? (
    <Spin size="small" />
  ) : props.viewsError ? (
    <Space size={4}>
      <Typography.Text type="danger">{t("queue.viewsError")}</Typography.Text>
      <Button size="small" onClick={props.onRetry}>
        {t("common.retry")}
      </Button>
    </Space>
  ) : views?.length === 0 ? (
    <Typography.Text type="secondary">{t("queue.noViews")}</Typography.Text>
  ) : null;

  return (
    <Tabs
      size="small"
      activeKey={props.activeKey}
      onChange={props.onSelect}
      tabBarExtraContent={{
        right: (
          <Space wrap>
            {note}
            {props.actions}
          </Space>
        ),
      }}
      items={[
        { key: ALL_OPEN, label: t("queue.allOpen") },
        ...(views ?? []).map((view) => ({
          key: view.id,
          label: (
            <span data-testid="view-tab" title={props.countsError ? t("queue.countsError") : ""}>
              {view.name}
              {view.shared && (
                <Tag
                  color="purple"
                  style={{ marginInline: 4 }}
                  title={t("queue.sharedBy", { name: view.owner.name })}
                >
                  {t("queue.shared")}
                </Tag>
              )}{" "}
              <Typography.Text type="secondary" data-testid="view-count">
                {countOf(view)}
              </Typography.Text>
            </span>
          ),
        })),
      ]}
    />
  );
}
