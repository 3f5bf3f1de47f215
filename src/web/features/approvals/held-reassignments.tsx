import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { HeldReassignment, Items } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { formatTime } from "../../i18n/format";
import { CaseLink } from "../complaint/case-link";
import { WaitingList } from "./waiting-list";

const key = ["approvals", "reassignments"];

/**
 * 待批改派: cases whose owner has been 小休 or 离线 longer than their group allows, in groups where
 * a supervisor decides. Approving gives the case to someone on duty by the group's rule (or lets
 * it wait in the group's queue until someone comes on).
 */
export function HeldReassignments() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<Items<HeldReassignment>>("/reassignments"),
  });
  const approve = useMutation({
    mutationFn: (held: HeldReassignment) =>
      api.post(`/skill-groups/${held.skillGroupId}/reassignments/${held.complaintId}/approve`),
    onSuccess: () => void message.success(t("complaint.done")),
    onError: (error) => {
      if (error instanceof ApiError) void message.error(error.problem.title);
    },
    // Approved, or already decided by another supervisor (404): either way the list is stale.
    onSettled: () => void client.invalidateQueries({ queryKey: key }),
  });
  const items = (query.data?.items ?? []).map((held) => ({ ...held, id: held.complaintId }));
  return (
    <WaitingList
      title={t("approvals.reassignments")}
      testId="approval-reassignments"
      rowTestId="approval-reassignment"
      query={query}
      items={items}
      emptyText={t("approvals.noneReassignments")}
      headers={[
        t("approvals.case"),
        t("approvals.group"),
        t("approvals.owner"),
        t("approvals.offDutySince"),
      ]}
      cells={(held) => [
        <CaseLink key="case" id={held.complaintId}>
          {held.number}
        </CaseLink>,
        held.groupName,
        `${held.owner.name} (${t("app.agentNo", { no: held.owner.agentNo })}) · ${t(`approvals.duty.${held.ownerDuty}`)}`,
        formatTime(held.offDutySince),
      ]}
      actions={() => (approve.isPending ? [] : (["approve"] as const))}
      onAct={(held) => approve.mutate(held)}
    />
  );
}
