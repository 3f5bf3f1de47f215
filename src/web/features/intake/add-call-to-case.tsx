import { useMutation } from "@tanstack/react-query";
import { Button, Input, type InputRef, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { useMessage } from "../../components/feedback";

/** Alt+J (记入): the proposed case takes the call from wherever the cursor is. */
const isAddCallKey = (e: KeyboardEvent) =>
  e.altKey && !e.ctrlKey && !e.metaKey && e.code === "KeyJ";

/**
 * 本次来电记入此工单: the caller rings about a case already open, so the call becomes a contact
 * on it (with the agent's number, counted among the case's contacts) instead of a second case.
 * The case proposed as the same matter (`shortcut`) opens with Alt+J, its summary filled with
 * what the agent has typed so far, so Alt+J then Enter records the call.
 */
export function AddCallToCase({
  complaintId,
  shortcut = false,
  typedSoFar,
}: {
  complaintId: string;
  shortcut?: boolean;
  typedSoFar?: () => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState("");
  const input = useRef<InputRef>(null);
  const add = useMutation({
    mutationFn: () =>
      api.post<Complaint>(`/complaints/${complaintId}/contact`, {
        direction: "inbound",
        channel: "phone",
        summary,
      }),
    onSuccess: (complaint) => {
      void message.success(t("intake.callAdded", { number: complaint.number }));
      navigate(`/complaints/${complaint.id}`);
    },
  });

  function start() {
    if (!open && !summary) setSummary(typedSoFar?.() ?? "");
    setOpen(true);
    input.current?.focus();
  }

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isAddCallKey(e)) return;
      e.preventDefault();
      start();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  if (!open)
    return (
      <Button size="small" type={shortcut ? "primary" : "default"} onClick={start}>
        {t("intake.addCall")}
        {shortcut && ` (Alt+J)`}
      </Button>
    );
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input
        ref={input}
        autoFocus
        size="small"
        aria-label={t("intake.callSummary")}
        placeholder={t("intake.callSummary")}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        onPressEnter={() => summary.trim() && add.mutate()}
      />
      <Button
        size="small"
        type="primary"
        loading={add.isPending}
        disabled={!summary.trim()}
        onClick={() => add.mutate()}
      >
        {t("intake.addCallSave")}
      </Button>
    </Space.Compact>
  );
}
