import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Complaint, WatcherList } from "../../api/types";
import { Card } from "../../components/card";
import { useRefusalToast } from "../../components/feedback";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/format";
import { useUser } from "../session/session";

/**
 * 关注人: who hears of what happens on the case without owning it, and a button to follow or
 * unfollow it oneself. Supervisors a missed deadline added are marked, since they did not choose to.
 */
export function WatchersPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const toastRefusal = useRefusalToast();
  const user = useUser();
  const client = useQueryClient();
  const path = `/complaints/${complaint.id}/watchers`;
  const watching = complaint.watchers.some((w) => w.id === user.id);
  const toggle = useMutation({
    mutationFn: () =>
      watching ? api.delete<WatcherList>(`${path}/me`) : api.post<WatcherList>(path),
    // The button stays disabled until the page shows the new list, so a second click reads it
    // right. Not antd's `loading`: its spinner's leave animation can stay in the DOM and the
    // button is then announced as "loading 取消关注".
    onSuccess: () => client.invalidateQueries({ queryKey: ["complaint", complaint.id] }),
    onError: toastRefusal,
  });
  return (
    <Card
      size="small"
      title={t("watchers.title")}
      data-testid="watchers"
      extra={
        <Button size="small" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {t(watching ? "watchers.unfollow" : "watchers.follow")}
        </Button>
      }
    >
      <PlainList
        items={complaint.watchers}
        empty={t("watchers.none")}
        renderItem={(w) => (
          <li key={w.id} data-testid="watcher">
            <Tooltip title={t("watchers.addedAt", { time: formatTime(w.addedAt) })}>
              <span>
                {w.name} · {t("app.agentNo", { no: w.agentNo })}
              </span>
            </Tooltip>
            {w.reason === "sla_breached" && <Tag color="orange">{t("watchers.slaBreached")}</Tag>}
            {w.reason === "logged" && <Tag>{t("watchers.logged")}</Tag>}
          </li>
        )}
      />
    </Card>
  );
}
