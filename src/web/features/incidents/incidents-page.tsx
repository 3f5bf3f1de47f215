import { Button, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { canPublishIncidents } from "../../../domain/incident/incident";
import type { Incident } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { useTermLabel } from "../lists/lists";
import { useUser } from "../session/session";
import { GroupAlerts } from "./group-alerts";
import { type IncidentDraft, IncidentEditor } from "./incident-editor";
import { useIncidents } from "./incidents-api";

type Shown = "live" | "resolved" | "all";

/** 服务公告: live incidents first; supervisors publish one, everyone reads them. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const categoryLabel = useTermLabel("category");
  const [shown, setShown] = useState<Shown>("live");
  const [creating, setCreating] = useState<IncidentDraft | null>(null);
  const publisher = canPublishIncidents(user.role);
  const incidents = useIncidents(shown === "all" ? {} : { status: shown });

  return (
    <div data-testid="incidents-page">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("incidents.title")}
        </Typography.Title>
        <Segmented<Shown>
          value={shown}
          onChange={setShown}
          options={(["live", "resolved", "all"] as const).map((value) => ({
            value,
            label: t(`incidents.filter.${value}`),
          }))}
        />
        {publisher && (
          <Button type="primary" onClick={() => setCreating({})} data-testid="incident-new">
            {t("incidents.publish")}
          </Button>
        )}
      </Space>
      {publisher && (
        <div style={{ marginBottom: 8 }}>
          <GroupAlerts onPublish={setCreating} />
        </div>
      )}
      <QueryState query={incidents}>
        <ListTable<Incident>
          dataSource={incidents.data}
          data-testid="incident-list"
          locale={{ emptyText: t("incidents.none") }}
          columns={[
            {
              title: t("incidents.field.title"),
              dataIndex: "title",
              render: (title: string, incident) => (
                <Space size={4} wrap>
                  <Link to={`/incidents/${incident.id}`}>{title}</Link>
                  {incident.public && <Tag color="blue">{t("incidents.publicTag")}</Tag>}
                </Space>
              ),
            },
            { title: t("incidents.field.location"), dataIndex: "location", width: 180 },
            {
              title: t("incidents.field.category"),
              dataIndex: "category",
              width: 110,
              render: (code: string | null) => (code ? categoryLabel(code) : t("incidents.any")),
            },
            {
              title: `${t("incidents.field.startsAt")} – ${t("incidents.field.endsAt")}`,
              width: 260,
              render: (_, i) =>
                `${formatTime(i.startsAt)} – ${i.endsAt ? formatTime(i.endsAt) : t("incidents.open")}`,
            },
            {
              title: t("incidents.field.complaintCount"),
              dataIndex: "complaintCount",
              width: 90,
            },
            {
              title: "",
              dataIndex: "status",
              width: 80,
              render: (status: Incident["status"]) => (
                <Tag color={status === "live" ? "red" : "default"}>
                  {t(`incidents.status.${status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </QueryState>
      {creating && (
        <IncidentEditor
          incident={null}
          draft={creating}
          onClose={() => setCreating(null)}
          onSaved={(saved) => navigate(`/incidents/${saved.id}`)}
        />
      )}
    </div>
  );
}
