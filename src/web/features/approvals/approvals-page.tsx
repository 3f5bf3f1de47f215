import { useQuery } from "@tanstack/react-query";
import { Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { remedyTypes } from "../../../domain/remedy/remedy";
import { canWatchGroups } from "../../../domain/routing/skill-groups";
import { mayOversee } from "../../../domain/sla/oversight-policy";
import { api } from "../../api/client";
import type { ExtensionRequest, Items, Remedy, RemedyLedger } from "../../api/types";
import { Card } from "../../components/card";
import { QueryState } from "../../components/query-state";
import { formatAmount, formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { NoteDecision } from "../recovery/note-decision";
import { type RemedyAction, RemedyDecision } from "../recovery/remedy-decision";
import { useUser } from "../session/session";
import { HeldReassignments } from "./held-reassignments";
import { Clock, WaitingList } from "./waiting-list";

const pendingRemedies = {
  queryKey: ["approvals", "remedies"],
  queryFn: () => api.get<RemedyLedger>("/remedies?status=pending_approval&limit=200"),
};
const pendingExtensions = {
  queryKey: ["approvals", "extensions"],
  queryFn: () => api.get<Items<ExtensionRequest>>("/extension-requests?status=pending"),
};

function RemediesToApprove() {
  const { t } = useTranslation();
  const query = useQuery(pendingRemedies);
  const [acting, setActing] = useState<{ remedy: Remedy; action: RemedyAction } | null>(null);
  // Oldest clock first: what runs out soonest is decided first.
  const items = [...(query.data?.items ?? [])].sort((a, b) =>
    (a.approvalDueAt ?? "").localeCompare(b.approvalDueAt ?? ""),
  );
  return (
    <>
      <WaitingList
        title={t("approvals.remedies")}
        testId="approval-remedies"
        rowTestId="approval-remedy"
        query={query}
        items={items}
        emptyText={t("approvals.noneRemedies")}
        headers={[
          t("approvals.case"),
          t("remedy.type"),
          t("remedy.amount"),
          t("remedy.reason"),
          t("remedy.requestedBy"),
          t("remedy.approver"),
          t("approvals.clock"),
        ]}
        cells={(remedy) => [
          <CaseLink key="case" id={remedy.complaintId}>
            {remedy.complaintNumber}
          </CaseLink>,
          t(`remedy.types.${remedy.type}`),
          formatAmount(remedy.amount),
          remedy.reason,
          `${remedy.requestedBy.name} (${t("app.agentNo", { no: remedy.requestedBy.agentNo })})`,
          remedy.approver && <Tag>{t(`role.${remedy.approver}`)}</Tag>,
          <Clock key="clock" dueAt={remedy.approvalDueAt} />,
        ]}
        actions={(remedy) => remedy.allowedActions}
        onAct={(remedy, action) => setActing({ remedy, action })}
      />
      {acting && <RemedyDecision {...acting} onClose={() => setActing(null)} />}
    </>
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
      <QueryState query={query}>
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
  return (
    <>
      <WaitingList
        title={t("approvals.extensions")}
        testId="approval-extensions"
        rowTestId="approval-extension"
        query={query}
        items={query.data?.items ?? []}
        emptyText={t("approvals.noneExtensions")}
        headers={[
          t("approvals.case"),
          t("remedy.reason"),
          t("approvals.newDueAt"),
          t("approvals.caseDue"),
        ]}
        cells={(request) => [
          <CaseLink key="case" id={request.complaintId}>
            {request.complaintNumber}
          </CaseLink>,
          request.reason,
          formatTime(request.newDueAt),
          <Clock key="clock" dueAt={request.complaintDueAt} />,
        ]}
        actions={() => ["approve", "reject"] as const}
        onAct={(request, action) => setActing({ request, action })}
      />
      {acting && <DecideExtension {...acting} onClose={() => setActing(null)} />}
    </>
  );
}

/** 审批: what waits on a supervisor's decision, each with the clock it runs against. */
export function ApprovalsPage() {
  const user = useUser();
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8}>
      <RemediesToApprove />
      {mayOversee(user).ok && <ExtensionsToDecide />}
      {canWatchGroups(user.role) && <HeldReassignments />}
      <LedgerTotals />
    </Space>
  );
}
