import { Alert, Space, Tag, Typography } from "antd";
import { memo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle";
import type { CustomerHistory } from "../../api/types";
import { Card } from "../../components/card";
import { CustomerIdentifiers } from "../../components/customer-identifiers";
import { PlainList } from "../../components/plain-list";
import { StatusTag } from "../../components/status-tag";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { useTermLabel } from "../lists/lists";
import { AddCallToCase } from "./add-call-to-case";

type CaseSummaryRow = CustomerHistory["complaints"][number];

/**
 * The caller asks about what is still open: the case proposed as the same matter first, then the
 * open ones, each newest first as before.
 */
const openFirst = (cases: CaseSummaryRow[], proposedId: string | null) => {
  const rank = (c: CaseSummaryRow) => (c.id === proposedId ? 2 : Number(isOpen(c.status as never)));
  return [...cases].sort((a, b) => rank(b) - rank(a));
};

/** What the proposed case offers: this call added to it. */
interface Proposal {
  id: string | null;
  /** The agent's text so far, the call's summary when they take the proposal. */
  typedSoFar: () => string;
}

/**
 * One earlier case as the caller asks about it: who has it (工号), what they were last told and
 * when, how the follow-up went and what was granted; an open one takes this call as a contact.
 */
function CaseSummary({ summary: c, proposal }: { summary: CaseSummaryRow; proposal: Proposal }) {
  const { t } = useTranslation();
  const proposed = c.id === proposal.id;
  return (
    <Space orientation="vertical" size={2} style={{ width: "100%" }} data-testid="history-case">
      {proposed && (
        <Alert type="info" showIcon title={t("intake.sameMatter")} data-testid="same-matter" />
      )}
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
        // Cut by CSS and whole on hover: antd's measured ellipsis costs a layout per case.
        <div className="history-last-told" title={c.lastToCustomer.text}>
          {t("intake.lastToCustomer", { at: formatTime(c.lastToCustomer.at) })}:{" "}
          {c.lastToCustomer.text}
        </div>
      )}
      {isOpen(c.status as never) && (
        <AddCallToCase
          // A new key when proposed: the shortcut's button takes the place of the plain one.
          key={String(proposed)}
          complaintId={c.id}
          shortcut={proposed}
          typedSoFar={proposal.typedSoFar}
        />
      )}
    </Space>
  );
}

/**
 * Everything on record for the caller, so the agent never makes them retell the story. Memoised:
 * the intake form's typing renders it only when the proposed case changes.
 */
export const CustomerHistoryPanel = memo(function CustomerHistoryPanel({
  customer,
  extra,
  proposedId = null,
  typedSoFar = () => "",
}: {
  customer: CustomerHistory;
  /** Beside the title: what the intake box found the customer by. */
  extra?: ReactNode;
  /** The open case the agent's new text looks like (use-similar-case.ts). */
  proposedId?: string | null;
  typedSoFar?: () => string;
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
      <PlainList
        items={openFirst(customer.complaints, proposedId)}
        empty={t("common.empty")}
        renderItem={(c) => (
          <li key={c.id}>
            <CaseSummary summary={c} proposal={{ id: proposedId, typedSoFar }} />
          </li>
        )}
      />
      <Typography.Title level={5}>{t("intake.contacts")}</Typography.Title>
      <PlainList
        items={customer.contacts.slice(0, 10)}
        empty={t("common.empty")}
        renderItem={(c) => (
          <li key={c.id}>
            {formatTime(c.at)} · {t(`field.${c.direction}`)} · {channel(c.channel)} · {c.summary} ·{" "}
            {t("app.agentNo", { no: c.agentNo })}
          </li>
        )}
      />
    </Card>
  );
});
