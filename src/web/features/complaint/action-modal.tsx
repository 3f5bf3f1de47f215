import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Form } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { CommandName, Complaint } from "../../api/types";
import { ActionDialog, useActionForm } from "../../components/action-dialog";
import { commandBody } from "./command-body";
import { CommandFields } from "./command-fields";
import { draftKey } from "./local-state";
import { useEventSummary } from "./timeline-panel";

interface Props {
  command: CommandName;
  complaint: Complaint;
  onClose: () => void;
}

/**
 * One command in a small dialog. A version conflict never overwrites: the case is reloaded, what
 * others did meanwhile is listed, and the agent's input stays for a deliberate retry.
 */
export function ActionModal({ command, complaint, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, refusal, done } = useActionForm(command, onClose);
  const [seenEvents] = useState(complaint.timeline.length);
  const [conflict, setConflict] = useState(false);
  const isReply = command === "reply";
  const draft = isReply ? localStorage.getItem(draftKey(complaint.id)) : null;

  const run = useMutation({
    mutationFn: async (values: Record<string, unknown>) =>
      api.post<Complaint>(
        `/complaints/${complaint.id}/${command}`,
        await commandBody(command, complaint, values),
      ),
    onSuccess: (updated) => {
      if (isReply) localStorage.removeItem(draftKey(complaint.id));
      void client.invalidateQueries({ queryKey: ["complaints"] });
      done(updated);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "version_conflict") {
        setConflict(true);
        void client.invalidateQueries({ queryKey: ["complaint", complaint.id] });
        return;
      }
      refusal.show(error);
      // Refused (the owner changed, say): reload, so the buttons show what the user may do now.
      if (error instanceof ApiError && error.status === 403)
        void client.invalidateQueries({ queryKey: ["complaint", complaint.id] });
    },
  });
  const summary = useEventSummary();
  const newEvents = complaint.timeline.slice(seenEvents);

  return (
    <ActionDialog
      action={command}
      form={form}
      pending={run.isPending}
      onClose={onClose}
      width={isReply ? 960 : undefined}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t("error.conflict", { version: complaint.version })}
          description={newEvents.map((e) => (
            <div key={e.id}>
              {t(`event.${e.type}`, e.type)} · {e.actor.name} · {summary(e)}
            </div>
          ))}
        />
      )}
      {refusal.alert}
      <Form
        form={form}
        layout="vertical"
        initialValues={draft ? { message: draft } : undefined}
        onValuesChange={(changed) => {
          // A lost connection or a closed tab must not lose a half-typed reply.
          if (isReply && typeof changed.message === "string")
            localStorage.setItem(draftKey(complaint.id), changed.message);
        }}
        onFinish={(values) => {
          refusal.clear();
          run.mutate(values);
        }}
      >
        <CommandFields
          command={command}
          draftNotice={isReply}
          category={complaint.category}
          complaintId={complaint.id}
          complaint={complaint}
        />
      </Form>
    </ActionDialog>
  );
}
