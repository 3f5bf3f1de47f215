import { Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canLinkIncidents } from "../../../domain/incident/incident";
import { ApiError } from "../../api/client";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { useUser } from "../session/session";
import { useIncidents, useLinkIncident } from "./incidents-api";

/**
 * 服务公告 on a case: the incidents it is filed under, and the live ones matching its category,
 * business type and branch, each linked in one click by those who take cases.
 */
export function ComplaintIncidentsPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useUser();
  const message = useMessage();
  const mayLink = canLinkIncidents(user.role);
  const linked = useIncidents({ complaintId: complaint.id });
  const live = useIncidents(
    {
      live: true,
      category: complaint.category ?? undefined,
      businessType: complaint.businessType ?? undefined,
      area: complaint.complainedBranch ?? undefined,
    },
    { enabled: mayLink },
  );
  const link = useLinkIncident(complaint.id);
  const linkedIds = new Set((linked.data ?? []).map((i) => i.id));
  const offered = (live.data ?? []).filter((i) => !linkedIds.has(i.id));
  if ((linked.data ?? []).length === 0 && offered.length === 0) return null;
  return (
    <Card size="small" title={t("incidents.caseTitle")} data-testid="complaint-incidents">
      <Space orientation="vertical" style={{ width: "100%" }} size={4}>
        {(linked.data ?? []).map((incident) => (
          <Space key={incident.id} wrap data-testid="complaint-incident-linked">
            <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
            <Typography.Text type="secondary">{t("incidents.linked")}</Typography.Text>
          </Space>
        ))}
        {offered.map((incident) => (
          <Space key={incident.id} wrap>
            <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
            <Button
              size="small"
              loading={link.isPending && link.variables === incident.id}
              data-testid="complaint-incident-link"
              onClick={() =>
                link.mutate(incident.id, {
                  onSuccess: () => void message.success(t("incidents.linkedToast")),
                  onError: (error) => {
                    if (error instanceof ApiError) void message.error(error.problem.title);
                  },
                })
              }
            >
              {t("incidents.caseLink")}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
