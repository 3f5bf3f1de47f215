import { Alert, Button, Form, type FormInstance, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../components/use-debounced";
import { formatTime } from "../../i18n/format";
import { linkToIncident, useIncidents } from "../incidents/incidents-api";

/**
 * The incidents the agent picked at intake, linked to the new case once it is saved (a case
 * cannot be linked before it exists): one click on the notice, nothing more at saving.
 */
export function useIncidentChoice() {
  const [chosen, setChosen] = useState<string[]>([]);
  return {
    chosen,
    toggle: (id: string) =>
      setChosen((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id])),
    /** Links the new case to each chosen incident; one already over is left, the case stands. */
    linkAll: (complaintId: string) =>
      Promise.allSettled(chosen.map((id) => linkToIncident(id, complaintId))),
  };
}

/**
 * 服务公告 at intake (seed 000): the live incidents this call may be about, narrowed as the agent
 * picks the category, business type and area (被投诉网点/区域) in the form, each in the wording to
 * tell the caller, and a way to file the new complaint under it.
 */
export function IncidentNotices({
  form,
  chosen,
  onToggle,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: only the three fields below are read
  form: FormInstance<any>;
  chosen: readonly string[];
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const category: string | undefined = Form.useWatch("category", form);
  const businessType: string | undefined = Form.useWatch("businessType", form);
  const typed: string | undefined = Form.useWatch("complainedBranch", form);
  const area = useDebounced(typed?.trim() ?? "", 300) || undefined;
  const live = useIncidents({ live: true, category, businessType, area });
  const items = live.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="intake-incidents"
      title={t("incidents.intakeTitle", { count: items.length })}
      description={
        <Space orientation="vertical" style={{ width: "100%" }} size={4}>
          {items.map((incident) => {
            const picked = chosen.includes(incident.id);
            return (
              <div key={incident.id} data-testid="intake-incident">
                <Typography.Text strong>{incident.title}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {incident.location} · {formatTime(incident.startsAt)}
                </Typography.Text>
                <div>{incident.customerWording}</div>
                <Button
                  size="small"
                  type={picked ? "primary" : "default"}
                  aria-pressed={picked}
                  onClick={() => onToggle(incident.id)}
                  data-testid="intake-incident-link"
                >
                  {picked ? t("incidents.intakeLinked") : t("incidents.intakeLink")}
                </Button>
              </div>
            );
          })}
        </Space>
      }
    />
  );
}
