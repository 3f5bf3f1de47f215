import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, api } from "../../api/client";
import type { CommandName, Complaint } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { QueryState } from "../../components/query-state";
import { FlagTags, StatusTag } from "../../components/status-tag";
import { formatAmount, formatTime } from "../../i18n/i18n";
import { useTermLabel } from "../lists/lists";
import { useUser } from "../session/session";
import { ActionModal } from "./action-modal";
import { AttachmentsPanel } from "./attachments-panel";
import { ClocksPanel } from "./clocks-panel";
import { CustomerPanel } from "./customer-panel";
import { GuidedPanel } from "./guided-panel";
import { TimelinePanel } from "./timeline-panel";
import { WatchersPanel } from "./watchers-panel";
import { WorkOrdersPanel } from "./work-orders-panel";

function ComplaintHeader({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const category = useTermLabel("category");
  const businessType = useTermLabel("business_type");
  const cause = useTermLabel("cause");
  const channel = useTermLabel("channel");
  return (
    <Card size="small">
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="complaint-number">
          {complaint.number}
        </Typography.Title>
        <span data-testid="complaint-status">
          <StatusTag status={complaint.status} />
        </span>
        <Tag>{t(`kind.${complaint.kind}`)}</Tag>
        <FlagTags flags={complaint.flags} />
        {complaint.reopenCount > 0 && (
          <Tag color="red">{t("complaint.reopenCount", { count: complaint.reopenCount })}</Tag>
        )}
        {!complaint.closedAt && !["withdrawn", "merged"].includes(complaint.status) && (
          <Countdown dueAt={complaint.dueAt} />
        )}
      </Space>
      <Typography.Title level={5} style={{ margin: "6px 0" }}>
        {complaint.subject}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 4 }} className="dense">
        <Descriptions.Item label={t("complaint.owner")}>
          {complaint.owner
            ? `${complaint.owner.name} (${t("app.agentNo", { no: complaint.owner.agentNo })})`
            : t("complaint.noOwner")}
        </Descriptions.Item>
        <Descriptions.Item label={t("complaint.due")}>
          {formatTime(complaint.dueAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.createdAt")}>
          {formatTime(complaint.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.channel")}>
          {channel(complaint.channel)}
        </Descriptions.Item>
        {complaint.source.type === "transfer" && (
          <Descriptions.Item label={t("field.transfer")}>
            {complaint.source.hotline} {complaint.source.externalNo}{" "}
            {formatTime(complaint.source.externalDueAt)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("field.category")}>
          {category(complaint.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.businessType")}>
          {businessType(complaint.businessType)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.causes")}>
          {complaint.causes.map(cause).join("、") || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.severity")}>
          {t(`severity.${complaint.severity}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.demand")}>
          {complaint.demand ?? "—"} {complaint.demandAmount && formatAmount(complaint.demandAmount)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
        {complaint.description}
      </Typography.Paragraph>
    </Card>
  );
}

export function ComplaintPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const user = useUser();
  const [command, setCommand] = useState<CommandName | null>(null);
  const query = useQuery({
    queryKey: ["complaint", id],
    queryFn: () => api.get<Complaint>(`/complaints/${id}`),
  });
  const complaint = query.data;
  // The server answers 404 for a case the caller may not see (it never confirms that one exists),
  // so say what the rule is rather than only "not found".
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Result
        status="404"
        title={query.error.problem.title}
        subTitle={t(
          user.role === "department_handler" ? "complaint.notVisible" : "complaint.notFoundHint",
        )}
      />
    );
  return (
    <QueryState
      isLoading={query.isLoading}
      error={query.error}
      onRetry={() => void query.refetch()}
    >
      {complaint && (
        <Space orientation="vertical" style={{ width: "100%" }} size={8}>
          <ComplaintHeader complaint={complaint} />
          <Card size="small" title={t("complaint.actions")}>
            <Space wrap data-testid="actions">
              {complaint.allowedActions.length === 0 && (
                <Typography.Text type="secondary">{t("complaint.noActions")}</Typography.Text>
              )}
              {complaint.allowedActions.map((action) => (
                <Button
                  key={action}
                  type={
                    ["reply", "dispatch", "follow-up", "close"].includes(action)
                      ? "primary"
                      : "default"
                  }
                  onClick={() => setCommand(action)}
                >
                  {t(`action.${action}`)}
                </Button>
              ))}
            </Space>
          </Card>
          <Row gutter={8}>
            <Col xs={24} xl={16}>
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <WorkOrdersPanel workOrders={complaint.workOrders} />
                <TimelinePanel events={complaint.timeline} />
              </Space>
            </Col>
            <Col xs={24} xl={8}>
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <ClocksPanel clocks={complaint.clocks} />
                <CustomerPanel complaint={complaint} />
                <WatchersPanel complaint={complaint} />
                <GuidedPanel complaintId={complaint.id} />
                <AttachmentsPanel complaint={complaint} />
              </Space>
            </Col>
          </Row>
          {command && (
            <ActionModal command={command} complaint={complaint} onClose={() => setCommand(null)} />
          )}
        </Space>
      )}
    </QueryState>
  );
}
