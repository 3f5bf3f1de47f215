import { useMutation } from "@tanstack/react-query";
import { Button, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { useMessage } from "../../components/feedback";

/**
 * 本次来电记入此工单: the caller rings about a case already open, so the call becomes a contact
 * on it (with the agent's number, counted among the case's contacts) instead of a second case.
 */
export function AddCallToCase({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState("");
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
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t("intake.addCall")}
      </Button>
    );
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input
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
