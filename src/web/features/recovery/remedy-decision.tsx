import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Remedy } from "../../api/types";
import { formatAmount } from "../../i18n/format";
import { NoteDecision } from "./note-decision";

export type RemedyAction = Remedy["allowedActions"][number];

/**
 * Approve or reject a pending remedy (a note; a rejection must say why), or reverse a granted
 * one (冲正, with a reason). What the remedy is stays in view while deciding.
 */
export function RemedyDecision({
  remedy,
  action,
  onClose,
}: {
  remedy: Remedy;
  action: RemedyAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const field = action === "reverse" ? "reason" : "note";
  return (
    <NoteDecision
      name="remedy-decision"
      title={t(`remedy.${action}`)}
      summary={`${remedy.complaintNumber} · ${t(`remedy.types.${remedy.type}`)} ${formatAmount(remedy.amount)} · ${remedy.reason}`}
      label={t(action === "reverse" ? "remedy.reverseReason" : "remedy.note")}
      required={action !== "approve"}
      complaintId={remedy.complaintId}
      send={(text) =>
        api.post<Remedy>(`/remedies/${remedy.id}/${action}`, text ? { [field]: text } : {})
      }
      onClose={onClose}
    />
  );
}
