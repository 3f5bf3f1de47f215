import { Alert, Card, List, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle";
import type { CustomerHistory } from "../../api/types";
import { CustomerIdentifiers } from "../../components/customer-identifiers";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/i18n";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";
import { AddCallToCase } from "./add-call-to-case";

type CaseSummaryRow = CustomerHistory["complaints"][number];

/** The caller asks about what is still open: those first, each newest first as before. */
const openFirst = (cases: CaseSummaryRow[]) =>
  [...cases].sort((a, b) => Number(isOpen(b.status as never)) - Number(isOpen(a.status as never)));

/**
 * One earlier case as the caller asks about it: who has it (工号), what they were last told and
 * when, how the follow-up went and what was granted; an open one takes this call as a contact.
 */
function CaseSummary({ summary: c }: { summary: CaseSummaryRow }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2} style={{ width: "100%" }} data-testid="history-case">
      <Space wrap>
        <CaseLink id={c.id}>{c.number}</CaseLink>
        <StatusTag status={c.status} />
        <span>{t(`kind.${c.kind}`, c.kind)}</span>
        <span>{c.subject}</span>
        <Typography.Text type="secondary">{formatTime(c.createdAt)}</Typography.Text>
      </Space>
      <Space wrap size={12}>
        <Typography.Text type="secondary">
          {t("intake.owner")}:{" "}
          {c.owner ? `${c.owner.name} · ${t("app.agentNo", { no: c.owner.agentNo })}` : "—"}
        </Typography.Text>
        {c.satisfaction && (
          <Typography.Text type="secondary">
            {t("field.satisfaction")}: {t(`satisfaction.${c.satisfaction}`)}
          </Typography.Text>
        )}
        {c.remediesGranted !== "0.00" && (
          <Typography.Text type="secondary">
            {t("intake.remediesGranted", { amount: c.remediesGranted })}
          </Typography.Text>
        )}
      </Space>
      {c.lastToCustomer && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: c.lastToCustomer.text }}>
          {t("intake.lastToCustomer", { at: formatTime(c.lastToCustomer.at) })}:{" "}
          {c.lastToCustomer.text}
        </Typography.Text>
      )}
      {isOpen(c.status as never) && <AddCallToCase complaintId={c.id} />}
    </Space>
  );
}

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
        dataSource={openFirst(customer.complaints)}
        locale={{ emptyText: t("common.empty") }}
        renderItem={(c) => (
          <List.Item>
            <CaseSummary summary={c} />
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
