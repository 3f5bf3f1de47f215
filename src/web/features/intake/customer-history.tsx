import { Alert, Card, List, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerHistory } from "../../api/types";
import { CustomerIdentifiers } from "../../components/customer-identifiers";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/i18n";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";

/** Everything on record for the caller, so the agent never makes them retell the story. */
export function CustomerHistoryPanel({
  customer,
  extra,
}: {
  customer: CustomerHistory;
  /** Beside the title: what the intake box found the customer by. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const channel = useTermLabel("channel");
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("intake.history")}: {customer.name}
          {customer.repeat && <Tag color="volcano">{t("flag.repeat")}</Tag>}
        </Space>
      }
      extra={extra}
      data-testid="customer-history"
    >
      <CustomerIdentifiers customer={customer} columns={2} />
      {customer.openCallbacks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: "6px 0" }}
          title={`${t("intake.openCallbacks")}: ${customer.openCallbacks
            .map((c) => `${formatTime(c.dueAt)} ${c.note ?? ""}`)
            .join("；")}`}
        />
      )}
      <Typography.Title level={5}>{t("intake.complaints")}</Typography.Title>
      <List
        size="small"
        dataSource={customer.complaints}
        locale={{ emptyText: t("common.empty") }}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <CaseLink id={c.id}>{c.number}</CaseLink>
              <StatusTag status={c.status} />
              <span>{t(`kind.${c.kind}`, c.kind)}</span>
              <span>{c.subject}</span>
              <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t("intake.contacts")}</Typography.Title>
      <List
        size="small"
        dataSource={customer.contacts.slice(0, 10)}
        locale={{ emptyText: t("common.empty") }}
        renderItem={(c) => (
          <List.Item>
            {formatTime(c.at)} · {t(`field.${c.direction}`)} · {channel(c.channel)} · {c.summary} ·{" "}
            {t("app.agentNo", { no: c.agentNo })}
          </List.Item>
        )}
      />
    </Card>
  );
}
