import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { canOwnCases } from "../../../domain/access/roles";
import type { DutyState } from "../../../domain/routing/assignment";
import { api } from "../../api/client";
import { paths } from "../../api/paths";
import type { Duty, NotificationList } from "../../api/types";
import { useRefusalToast } from "../../components/feedback";
import { codeOptions } from "../../i18n/code-options";
import { useUser } from "../session/session";

const states: DutyState[] = ["online", "break", "offline"];

/**
 * 在线 / 小休 / 离线 in the header, for those who may own cases. Coming on duty may hand over
 * cases that waited for someone, so the bell is read again straight after.
 */
export function DutySwitch() {
  const { t } = useTranslation();
  const user = useUser();
  const toastRefusal = useRefusalToast();
  const client = useQueryClient();
  const duty = useQuery({
    queryKey: ["duty"],
    queryFn: () => api.get<Duty>("/me/duty"),
    enabled: canOwnCases(user.role),
  });
  // On duty, cases arrive from the routing job at any moment: the bell is read more often.
  useQuery({
    queryKey: ["notifications"],
    queryFn: () => api.get<NotificationList>(paths.notifications),
    refetchInterval: 10_000,
    enabled: duty.data?.state === "online",
  });
  const change = useMutation({
    mutationFn: (state: DutyState) => api.put<Duty>("/me/duty", { state }),
    onSuccess: (next) => {
      client.setQueryData(["duty"], next);
      void client.invalidateQueries({ queryKey: ["notifications"] });
      void client.invalidateQueries({ queryKey: ["complaints", "queue"] });
    },
    onError: toastRefusal,
  });
  if (!canOwnCases(user.role) || !duty.data) return null;
  return (
    <Segmented<DutyState>
      size="small"
      aria-label={t("routing.duty")}
      data-testid="duty-switch"
      value={change.isPending ? change.variables : duty.data.state}
      options={codeOptions(t, "routing.dutyState", states)}
      onChange={(state) => change.mutate(state)}
    />
  );
}
