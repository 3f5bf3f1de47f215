import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, List, Popover, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import type { Notification, NotificationList } from "../../api/types";
import { formatTime } from "../../i18n/i18n";
import { DeadlineDigest } from "./deadline-digest";

/** The bell: deadline warnings, breaches, reminders and decisions for me, polled every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const bell = useQuery({
    queryKey: ["notifications"],
    queryFn: () => api.get<NotificationList>("/notifications?limit=20"),
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
  };
  const label = (type: string) => t(`bell.${type}`, { defaultValue: t(`event.${type}`, type) });
  const content = (
    <List
      size="small"
      style={{ width: 360, maxHeight: 420, overflow: "auto" }}
      dataSource={bell.data?.items ?? []}
      locale={{ emptyText: t("bell.empty") }}
      renderItem={(n) => (
        <List.Item
          onClick={() => void open(n)}
          style={{ cursor: "pointer", opacity: n.readAt ? 0.6 : 1 }}
        >
          <List.Item.Meta
            title={
              n.complaintId
                ? `${label(n.type)} · ${String(n.data.number ?? "")}`
                : t(`bell.${n.type}`, n.data)
            }
            description={
              <>
                {n.complaintId ? (
                  <Typography.Text ellipsis>{String(n.data.subject ?? "")}</Typography.Text>
                ) : (
                  <DeadlineDigest notification={n} />
                )}
                <br />
                <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
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
        <Button size="small" data-testid="notification-bell">
          {t("bell.title")}
        </Button>
      </Badge>
    </Popover>
  );
}
