import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Checkbox, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ChecklistStep, checklistGroups } from "../../../domain/guidance/checklist";
import { api } from "../../api/client";
import { paths } from "../../api/paths";
import type { Checklist } from "../../api/types";
import { Card } from "../../components/card";
import { useRefusalToast } from "../../components/feedback";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { useUser } from "../session/session";
import { checklistQuery } from "./complaint-query";

interface Toggle {
  step: ChecklistStep;
  on: boolean;
}

/**
 * The LSCIA steps and the bank's six steps as a checklist the agent ticks while handling. Ticks
 * are stored on the complaint, so colleagues and departments on the case see them, with who
 * ticked each; a click shows at once and is rolled back if the server refuses it.
 */
export function GuidedPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const toastRefusal = useRefusalToast();
  const user = useUser();
  const client = useQueryClient();
  const { queryKey } = checklistQuery(complaintId);
  const path = paths.checklist(complaintId);
  const checklist = useQuery(checklistQuery(complaintId));

  const toggle = useMutation({
    mutationKey: queryKey,
    mutationFn: ({ step, on }: Toggle) =>
      on ? api.put<Checklist>(`${path}/${step}`) : api.delete<Checklist>(`${path}/${step}`),
    onMutate: async ({ step, on }: Toggle) => {
      await client.cancelQueries({ queryKey });
      const before = client.getQueryData<Checklist>(queryKey);
      if (before) {
        const others = before.items.filter((item) => item.step !== step);
        const mine = {
          step,
          tickedAt: new Date().toISOString(),
          tickedBy: { id: user.id, agentNo: user.agentNo, name: user.displayName },
        };
        client.setQueryData<Checklist>(queryKey, {
          ...before,
          items: on ? [...others, before.items.find((i) => i.step === step) ?? mine] : others,
        });
      }
      return { before };
    },
    onError: (error, _toggle, context) => {
      if (context?.before) client.setQueryData(queryKey, context.before);
      toastRefusal(error);
    },
    onSettled: (answer) => {
      // Only the last of several quick clicks settles the list, so an earlier answer never
      // flickers a later click away.
      if (client.isMutating({ mutationKey: queryKey }) !== 1) return;
      if (answer) client.setQueryData(queryKey, answer);
      else void client.invalidateQueries({ queryKey });
    },
  });

  const ticked = new Map((checklist.data?.items ?? []).map((item) => [item.step, item]));
  const mayTick = checklist.data?.mayTick ?? false;
  return (
    <Card size="small" title={t("guide.title")}>
      <QueryState query={checklist}>
        {checklistGroups.map((group, i) => (
          <div key={group.key} style={i > 0 ? { marginTop: 8 } : undefined}>
            <Typography.Text strong>{t(`guide.${group.key}`)}</Typography.Text>
            {group.steps.map((step) => {
              const item = ticked.get(step);
              const box = (
                <Checkbox
                  checked={item !== undefined}
                  disabled={!mayTick}
                  data-testid={`guide-${step}`}
                  onChange={(e) => toggle.mutate({ step, on: e.target.checked })}
                >
                  {t(`guide.${step}`)}
                </Checkbox>
              );
              return (
                <div key={step}>
                  {item ? (
                    <Tooltip
                      title={t("guide.tickedBy", {
                        agentNo: item.tickedBy.agentNo,
                        name: item.tickedBy.name,
                        time: formatTime(item.tickedAt),
                      })}
                    >
                      {box}
                    </Tooltip>
                  ) : (
                    box
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </QueryState>
    </Card>
  );
}
