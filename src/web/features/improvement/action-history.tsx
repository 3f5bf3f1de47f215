import { useQuery } from "@tanstack/react-query";
import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ImprovementAction } from "../../api/types";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";

type Event = ImprovementAction["history"][number];

/** What an entry's data says in words: the progress or verification note, the new due date. */
function gist(event: Event): string {
  const { note, progressNote, dueDate } = event.data;
  return [note, progressNote, dueDate].filter((v) => typeof v === "string" && v).join(" · ");
}

/**
 * An action's history, oldest first, each entry with who did it and their agent number: whether
 * it was verified, sent back, or never started is read here, not guessed from its status.
 */
export function ActionHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const action = useQuery({
    queryKey: ["improvement-actions", id],
    queryFn: () => api.get<ImprovementAction>(`/improvement-actions/${id}`),
  });
  return (
    <QueryState query={action}>
      <Timeline
        data-testid="action-history"
        items={(action.data?.history ?? []).map((e) => ({
          key: e.id,
          content: (
            <div>
              <Typography.Text strong>{t(`improvement.events.${e.type}`, e.type)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {formatTime(e.at)} · {e.actor.name ?? ""}
                {e.actor.agentNo ? ` (${t("app.agentNo", { no: e.actor.agentNo })})` : ""}
              </Typography.Text>
              {gist(e) && <div>{gist(e)}</div>}
            </div>
          ),
        }))}
      />
    </QueryState>
  );
}
