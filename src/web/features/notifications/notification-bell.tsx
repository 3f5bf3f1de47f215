import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Popover, Spin } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { paths } from "../../api/paths";
import type { Notification, NotificationList } from "../../api/types";
import { lazyExport } from "../../components/lazy-export";

// Most page loads never open the bell: its list is fetched on the way to the first click.
const loadList = () => import("./bell-list");
const BellList = lazyExport(loadList, "BellList");

/** The bell: deadline warnings, breaches, reminders and decisions for me, polled every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const bell = useQuery({
    queryKey: ["notifications"],
    queryFn: () => api.get<NotificationList>(paths.notifications),
    refetchInterval: 60_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["notifications"] });
  const readAll = useMutation({
    mutationFn: () => api.post("/notifications/read-all"),
    onSuccess: refresh,
  });
  const open = async (n: Notification) => {
    if (!n.readAt) await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
    void refresh();
    if (n.complaintId) navigate(`/complaints/${n.complaintId}`);
    else if (typeof n.data.qualityCaseId === "string") navigate(`/quality/${n.data.qualityCaseId}`);
    else if (n.type === "group_complaint") navigate("/incidents");
    else if (n.type === "improvement_overdue") navigate("/improvement");
  };
  const content = (
    <Suspense fallback={<Spin size="small" />}>
      <BellList items={bell.data?.items ?? []} onOpen={(n) => void open(n)} />
    </Suspense>
  );
  return (
    <Popover
      trigger="click"
      title={
        <span>
          {t("bell.title")}{" "}
          <Button size="small" type="link" onClick={() => readAll.mutate()}>
            {t("bell.readAll")}
          </Button>
        </span>
      }
      content={content}
    >
      <Badge count={bell.data?.unreadCount ?? 0} size="small">
        <Button
          size="small"
          data-testid="notification-bell"
          onMouseEnter={() => void loadList()}
          onFocus={() => void loadList()}
        >
          {t("bell.title")}
        </Button>
      </Badge>
    </Popover>
  );
}
