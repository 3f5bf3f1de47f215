import { Button, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { BulkReply, IncidentDetail } from "../../api/types";
import { Card } from "../../components/card";
import { PlainList } from "../../components/plain-list";
import { QueryState } from "../../components/query-state";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";
import { IncidentEditor } from "./incident-editor";
import { useIncident } from "./incidents-api";
import { ResolveDialog } from "./resolve-dialog";

/** One incident: what, where, when, the customers' wording, and the complaints filed under it. */
export function IncidentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const incident = useIncident(id);
  const [editing, setEditing] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [result, setResult] = useState<BulkReply | null>(null);

  return (
    <QueryState query={incident}>
      {incident.data && (
        <Space orientation="vertical" style={{ width: "100%" }} size={8}>
          <Details
            incident={incident.data}
            actions={
              <Space>
                {incident.data.allowedActions.includes("edit") && (
                  <Button onClick={() => setEditing(true)} data-testid="incident-edit">
                    {t("incidents.edit")}
                  </Button>
                )}
                {incident.data.allowedActions.includes("resolve") && (
                  <Button danger onClick={() => setResolving(true)} data-testid="incident-resolve">
                    {t("incidents.resolve")}
                  </Button>
                )}
              </Space>
            }
          />
          {result && <BulkReplyResult result={result} />}
          <LinkedComplaints incident={incident.data} />
          {editing && (
            <IncidentEditor
              incident={incident.data}
              onClose={() => setEditing(false)}
              reload={() => incident.refetch().then((r) => r.data)}
            />
          )}
          {resolving && (
            <ResolveDialog
              incident={incident.data}
              onClose={() => setResolving(false)}
              onResolved={setResult}
            />
          )}
        </Space>
      )}
    </QueryState>
  );
}

function Details({ incident, actions }: { incident: IncidentDetail; actions: React.ReactNode }) {
  const { t } = useTranslation();
  const categoryLabel = useTermLabel("category");
  const businessLabel = useTermLabel("business_type");
  const field = (name: string) => t(`incidents.field.${name}`);
  return (
    <Card
      size="small"
      data-testid="incident"
      title={
        <Space wrap>
          <span data-testid="incident-heading">{incident.title}</span>
          <Tag color={incident.status === "live" ? "red" : "default"} data-testid="incident-status">
            {t(`incidents.status.${incident.status}`)}
          </Tag>
          {incident.public && <Tag color="blue">{t("incidents.publicTag")}</Tag>}
        </Space>
      }
      extra={actions}
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={field("location")}>{incident.location}</Descriptions.Item>
        <Descriptions.Item label={field("area")}>
          {incident.area ?? t("incidents.any")}
        </Descriptions.Item>
        <Descriptions.Item label={field("category")}>
          {incident.category ? categoryLabel(incident.category) : t("incidents.any")}
        </Descriptions.Item>
        <Descriptions.Item label={field("businessType")}>
          {incident.businessType ? businessLabel(incident.businessType) : t("incidents.any")}
        </Descriptions.Item>
        <Descriptions.Item label={field("startsAt")}>
          {formatTime(incident.startsAt)}
        </Descriptions.Item>
        <Descriptions.Item label={field("endsAt")}>
          {incident.endsAt ? formatTime(incident.endsAt) : t("incidents.open")}
        </Descriptions.Item>
        <Descriptions.Item label={field("description")} span={2}>
          {incident.description}
        </Descriptions.Item>
        <Descriptions.Item label={field("customerWording")} span={2}>
          <span data-testid="incident-wording-shown">{incident.customerWording}</span>
        </Descriptions.Item>
        {incident.resolution && (
          <Descriptions.Item label={t("incidents.resolution")} span={2}>
            {incident.resolution}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text type="secondary">
        {t("incidents.publishedBy", {
          name: incident.createdBy.displayName,
          agentNo: incident.createdBy.agentNo,
          time: formatTime(incident.createdAt),
        })}
      </Typography.Text>
    </Card>
  );
}

function LinkedComplaints({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("incidents.complaints", { count: incident.complaintCount })}
      data-testid="incident-complaints"
    >
      <PlainList
        items={incident.complaints}
        empty={t("incidents.noComplaints")}
        renderItem={(c) => (
          <li key={c.id}>
            <Space wrap>
              <CaseLink id={c.id}>{c.number}</CaseLink>
              <Typography.Text>{c.subject}</Typography.Text>
              <StatusTag status={c.status} />
              <Typography.Text type="secondary">
                {t("incidents.linkedBy", {
                  name: c.linkedBy.displayName,
                  agentNo: c.linkedBy.agentNo,
                  time: formatTime(c.linkedAt),
                })}
              </Typography.Text>
            </Space>
          </li>
        )}
      />
    </Card>
  );
}

function BulkReplyResult({ result }: { result: BulkReply }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="incident-bulk-reply">
      <Space orientation="vertical">
        <Typography.Text strong>
          {t("incidents.bulkReplied", { count: result.replied.length })} ·{" "}
          {t("incidents.bulkSkipped", { count: result.skipped.length })}
        </Typography.Text>
        {result.skipped.map((s) => (
          <Typography.Text key={s.complaintId} type="secondary">
            {t("incidents.skippedLine", { number: s.number, message: s.message })}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}
