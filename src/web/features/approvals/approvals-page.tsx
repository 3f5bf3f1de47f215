import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { remedyTypes } from "../../../domain/remedy/remedy";
import { mayOversee } from "../../../domain/sla/oversight-policy";
import { api } from "../../api/client";
import type { ExtensionRequest, Items, Remedy, RemedyLedger } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { QueryState } from "../../components/query-state";
import { formatAmount, formatTime } from "../../i18n/i18n";
import { CaseLink } from "../complaint/case-link";
import { NoteDecision } from "../recovery/note-decision";
import { type RemedyAction, RemedyDecision } from "../recovery/remedy-decision";
import { useUser } from "../session/session";

const pendingRemedies = {
  queryKey: ["approvals", "remedies"],
  queryFn: () => api.get<RemedyLedger>("/remedies?status=pending_approval&limit=200"),
};
const pendingExtensions = {
  queryKey: ["approvals", "extensions"],
  queryFn: () => api.get<Items<ExtensionRequest>>("/extension-requests?status=pending"),
};

/** A remedy's approval clock, or the case's deadline an extension would move. */
function Clock({ dueAt }: { dueAt: string | null | undefined }) {
  if (!dueAt) return <span>—</span>;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{formatTime(dueAt)}</Typography.Text>
      <Countdown dueAt={dueAt} />
    </Space>
  );
}

function RemediesToApprove() {
  const { t } = useTranslation();
  const query = useQuery(pendingRemedies);
  const [acting, setActing] = useState<{ remedy: Remedy; action: RemedyAction } | null>(null);
  // Oldest clock first: what runs out soonest is decided first.
  const items = [...(query.data?.items ?? [])].sort((a, b) =>
    (a.approvalDueAt ?? "").localeCompare(b.approvalDueAt ?? ""),
  );
  return (
    <Card size="small" title={t("approvals.remedies")} data-testid="approval-remedies">
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => query.refetch()}>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t("approvals.noneRemedies")}</Typography.Text>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th>{t("approvals.case")}</th>
                <th>{t("remedy.type")}</th>
                <th>{t("remedy.amount")}</th>
                <th>{t("remedy.reason")}</th>
                <th>{t("remedy.requestedBy")}</th>
                <th>{t("remedy.approver")}</th>
                <th>{t("approvals.clock")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((remedy) => (
                <tr key={remedy.id} data-testid="approval-remedy">
                  <td>
                    <CaseLink id={remedy.complaintId}>{remedy.complaintNumber}</CaseLink>
                  </td>
                  <td>{t(`remedy.types.${remedy.type}`)}</td>
                  <td>{formatAmount(remedy.amount)}</td>
                  <td>{remedy.reason}</td>
                  <td>
                    {remedy.requestedBy.name} (
                    {t("app.agentNo", { no: remedy.requestedBy.agentNo })})
                  </td>
                  <td>{remedy.approver && <Tag>{t(`role.${remedy.approver}`)}</Tag>}</td>
                  <td>
                    <Clock dueAt={remedy.approvalDueAt} />
                  </td>
                  <td>
                    <Space size={4}>
                      {remedy.allowedActions.map((action) => (
                        <Button
                          key={action}
                          size="small"
                          type={action === "approve" ? "primary" : "default"}
                          onClick={() => setActing({ remedy, action })}
                        >
                          {t(`remedy.${action}`)}
                        </Button>
                      ))}
                    </Space>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      {acting && <RemedyDecision {...acting} onClose={() => setActing(null)} />}
    </Card>
  );
}

/**
 * 补救台账: what has been given, per type (granted, reversed, net), over every remedy; the rows
 * and their CSV are GET /remedies.
 */
function LedgerTotals() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["approvals", "ledger"],
    queryFn: () => api.get<RemedyLedger>("/remedies?limit=1"),
  });
  const totals = query.data?.totals;
  return (
    <Card
      size="small"
      title={t("ledger.title")}
      data-testid="ledger"
      extra={
        <a href="/api/v1/remedies?format=csv" download>
          {t("ledger.csv")}
        </a>
      }
    >
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => query.refetch()}>
        {totals && (
          <table className="plain-table">
            <thead>
              <tr>
                <th>{t("remedy.type")}</th>
                <th>{t("remedy.granted")}</th>
                <th>{t("remedy.status.reversed")}</th>
                <th>{t("ledger.net")}</th>
              </tr>
            </thead>
            <tbody>
              {remedyTypes.map((type) => (
                <tr key={type} data-testid={`ledger-${type}`}>
                  <td>{t(`remedy.types.${type}`)}</td>
                  <td>{formatAmount(totals[type].granted)}</td>
                  <td>{formatAmount(totals[type].reversed)}</td>
                  <td>{formatAmount(totals[type].net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </Card>
  );
}

type ExtensionDecision = { request: ExtensionRequest; action: "approve" | "reject" };

function DecideExtension({ request, action, onClose }: ExtensionDecision & { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <NoteDecision
      name="extension-decision"
      title={t(`remedy.${action}`)}
      summary={`${request.complaintNumber} · ${t("approvals.newDueAt")} ${formatTime(request.newDueAt)} · ${request.reason}`}
      label={t("remedy.note")}
      required={action === "reject"}
      complaintId={request.complaintId}
      send={(note) => api.post(`/extension-requests/${request.id}/${action}`, note ? { note } : {})}
      onClose={onClose}
    />
  );
}

function ExtensionsToDecide() {
  const { t } = useTranslation();
  const query = useQuery(pendingExtensions);
  const [acting, setActing] = useState<ExtensionDecision | null>(null);
  const items = query.data?.items ?? [];
  return (
    <Card size="small" title={t("approvals.extensions")} data-testid="approval-extensions">
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => query.refetch()}>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t("approvals.noneExtensions")}</Typography.Text>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th>{t("approvals.case")}</th>
                <th>{t("remedy.reason")}</th>
                <th>{t("approvals.newDueAt")}</th>
                <th>{t("approvals.caseDue")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr key={request.id} data-testid="approval-extension">
                  <td>
                    <CaseLink id={request.complaintId}>{request.complaintNumber}</CaseLink>
                  </td>
                  <td>{request.reason}</td>
                  <td>{formatTime(request.newDueAt)}</td>
                  <td>
                    <Clock dueAt={request.complaintDueAt} />
                  </td>
                  <td>
                    <Space size={4}>
                      {(["approve", "reject"] as const).map((action) => (
                        <Button
                          key={action}
                          size="small"
                          type={action === "approve" ? "primary" : "default"}
                          onClick={() => setActing({ request, action })}
                        >
                          {t(`remedy.${action}`)}
                        </Button>
                      ))}
                    </Space>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      {acting && <DecideExtension {...acting} onClose={() => setActing(null)} />}
    </Card>
  );
}

/** 审批: what waits on a supervisor's decision, each with the clock it runs against. */
export function ApprovalsPage() {
  const user = useUser();
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8}>
      <RemediesToApprove />
      {mayOversee(user).ok && <ExtensionsToDecide />}
      <LedgerTotals />
    </Space>
  );
}
