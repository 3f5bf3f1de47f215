import { useQuery } from "@tanstack/react-query";
import { Button, Col, Row, Space, Typography } from "antd";
import { memo, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import type { CommandName, Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { lazyExport } from "../../components/lazy-export";
import { LazyResult } from "../../components/lazy-result";
import { QueryState } from "../../components/query-state";
import { ComplaintIncidentsPanel } from "../incidents/complaint-incidents-panel";
import { ComplaintQualityPanel } from "../quality/complaint-quality-panel";
import { useUser } from "../session/session";
import { AttachmentsPanel } from "./attachments-panel";
import { CaseLink } from "./case-link";
import { ClocksPanel } from "./clocks-panel";
import { ComplaintHeader } from "./complaint-header";
import { complaintQuery } from "./complaint-query";
import { CustomerPanel } from "./customer-panel";
import { GuidedPanel } from "./guided-panel";
import { useNextInQueue, usePrefetchNext } from "./next-in-queue";
import { TimelinePanel } from "./timeline-panel";
import { WatchersPanel } from "./watchers-panel";
import { WorkOrdersPanel } from "./work-orders-panel";

// The dialogs (forms, pickers, selects) are most of the page's code and none of what it first
// shows: fetched when the pointer or the keyboard reaches the actions, before the click.
const loadActionModal = () => import("./action-modal");
const ActionModal = lazyExport(loadActionModal, "ActionModal");
// The judgement and remedies are forms (selects, radios): their own chunk, shown when it arrives.
const loadRecovery = () => import("../recovery/case-recovery");
const CaseRecovery = lazyExport(loadRecovery, "CaseRecovery");

const Actions = memo(function Actions({
  actions,
  onPick,
  notice,
}: {
  actions: Complaint["allowedActions"];
  onPick: (action: CommandName) => void;
  /** Why an action the user might look for is not offered. */
  notice?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("complaint.actions")}
      onMouseEnter={() => void loadActionModal()}
      onFocus={() => void loadActionModal()}
    >
      <Space wrap data-testid="actions">
        {actions.length === 0 && (
          <Typography.Text type="secondary">{t("complaint.noActions")}</Typography.Text>
        )}
        {actions.map((action) => (
          <Button
            key={action}
            type={
              ["reply", "dispatch", "follow-up", "close"].includes(action) ? "primary" : "default"
            }
            onClick={() => onPick(action)}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      {notice && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: "8px 0 0" }}
          data-testid="actions-notice"
        >
          {notice}
        </Typography.Paragraph>
      )}
    </Card>
  );
});

export function ComplaintPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const user = useUser();
  const [command, setCommand] = useState<CommandName | null>(null);
  const query = useQuery(complaintQuery(id));
  const complaint = query.data;
  const next = useNextInQueue(id);
  usePrefetchNext(next, !!complaint);
  // The server answers 404 for a case the caller may not see (it never confirms that one exists),
  // so say what the rule is rather than only "not found".
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <LazyResult
        status="404"
        title={query.error.problem.title}
        subTitle={t(
          user.role === "department_handler" ? "complaint.notVisible" : "complaint.notFoundHint",
        )}
      />
    );
  return (
    <QueryState query={query}>
      {complaint && (
        <Space orientation="vertical" style={{ width: "100%" }} size={8}>
          <ComplaintHeader
            complaint={complaint}
            extra={
              next && (
                <CaseLink id={next.id} data-testid="next-case">
                  {t("complaint.nextCase", { number: next.number })}
                </CaseLink>
              )
            }
          />
          <Actions
            actions={complaint.allowedActions}
            onPick={setCommand}
            notice={
              // The owner is not offered the follow-up visit: say who records it.
              complaint.status === "replied" &&
              complaint.ownerId === user.id &&
              !complaint.followUp.ownerMayRecord
                ? t("followUp.ownerNotAllowed")
                : undefined
            }
          />
          <Row gutter={8}>
            <Col xs={24} xl={16}>
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <WorkOrdersPanel workOrders={complaint.workOrders} />
                <Suspense fallback={null}>
                  <CaseRecovery complaint={complaint} />
                </Suspense>
                <TimelinePanel events={complaint.timeline} />
              </Space>
            </Col>
            <Col xs={24} xl={8}>
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <ClocksPanel clocks={complaint.clocks} workOrders={complaint.workOrders} />
                <CustomerPanel complaint={complaint} />
                <ComplaintIncidentsPanel complaint={complaint} />
                <ComplaintQualityPanel complaint={complaint} />
                <WatchersPanel complaint={complaint} />
                <GuidedPanel complaintId={complaint.id} />
                <AttachmentsPanel complaint={complaint} />
              </Space>
            </Col>
          </Row>
          {command && (
            <Suspense fallback={null}>
              <ActionModal
                command={command}
                complaint={complaint}
                onClose={() => setCommand(null)}
              />
            </Suspense>
          )}
        </Space>
      )}
    </QueryState>
  );
}
