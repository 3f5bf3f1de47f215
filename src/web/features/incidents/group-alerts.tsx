import { Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { GroupAlert } from "../../api/types";
import { Card } from "../../components/card";
import { formatTime } from "../../i18n/format";
import { useTermLabel } from "../lists/lists";
import type { IncidentDraft } from "./incident-editor";
import { useGroupAlerts } from "./incidents-api";

/**
 * 群体性投诉 alerts beside the incidents, for supervisors: each group with its customers and time,
 * and a way to publish the incident it likely is, its category and area filled in.
 */
export function GroupAlerts({ onPublish }: { onPublish: (draft: IncidentDraft) => void }) {
  const { t } = useTranslation();
  const categoryLabel = useTermLabel("category");
  const alerts = useGroupAlerts(true);
  const items = alerts.data ?? [];
  if (items.length === 0) return null;
  const area = (a: GroupAlert) => a.area || t("incidents.noArea");
  return (
    <Card size="small" title={t("incidents.groupAlerts")} data-testid="group-alerts">
      <Space orientation="vertical" size={4}>
        {items.map((a) => (
          <Space key={a.id} wrap>
            <Typography.Text strong>
              {t("incidents.groupAlert", {
                category: categoryLabel(a.category),
                area: area(a),
                customers: a.customers,
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {formatTime(a.firstAt)} – {formatTime(a.lastAt)}
            </Typography.Text>
            <Button
              size="small"
              onClick={() =>
                onPublish({
                  category: a.category,
                  area: a.area || null,
                  location: a.area || undefined,
                })
              }
            >
              {t("incidents.publish")}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
