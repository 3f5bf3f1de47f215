import { Descriptions, Space, Tag, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { Countdown } from "../../components/countdown";
import { RiskTag } from "../../components/risk-tag";
import { FlagTags, StatusTag } from "../../components/status-tag";
import { formatAmount, formatTime } from "../../i18n/format";
import { useTermLabel } from "../lists/lists";

/** Number, state, due and the case's facts: what the agent reads first. */
export const ComplaintHeader = memo(function ComplaintHeader({
  complaint,
  extra,
}: {
  complaint: Complaint;
  extra?: React.ReactNode;
}) {
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
        <RiskTag risk={complaint.risk} />
        {complaint.reopenCount > 0 && (
          <Tag color="red">{t("complaint.reopenCount", { count: complaint.reopenCount })}</Tag>
        )}
        {!complaint.closedAt && !["withdrawn", "merged"].includes(complaint.status) && (
          <Countdown dueAt={complaint.dueAt} />
        )}
        {extra}
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
});
