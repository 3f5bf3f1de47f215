import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Discipline } from "../../../domain/quality/disciplines";
import { ApiError, api } from "../../api/client";
import type { QualityCase, QualityStep } from "../../api/types";
import { useMessage, useProblemText } from "../../components/feedback";
import { formatTime } from "../../i18n/format";
import { useUsers } from "../lists/lists";
import { qualityCaseQuery, type StepCommand, useStepCommand } from "./quality-query";
import { StepFields } from "./step-forms";

type Person = QualityStep["owner"];

/**
 * One discipline: who owns it and when it is due, its record as a form, and the buttons its
 * status and the caller's role allow. A save or decision on a version someone else moved on is
 * refused (409 version_conflict): the page says so and shows the record as it is now.
 */
export function StepPanel({ c, step }: { c: QualityCase; step: QualityStep }) {
  const { t } = useTranslation();
  const message = useMessage();
  const problemText = useProblemText();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [ownerId, setOwnerId] = useState(step.owner?.id ?? null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sendingBack, setSendingBack] = useState(false);
  const command = useStepCommand(c.id, step.discipline as Discipline);
  const may = (a: QualityStep["allowedActions"][number]) => step.allowedActions.includes(a);
  const dirty = () => form.isFieldsTouched() || ownerId !== (step.owner?.id ?? null);

  async function run(commands: ((version: number) => StepCommand)[], done: string) {
    setRefusal(null);
    let version = step.version;
    try {
      for (const next of commands) {
        const after = await command.mutateAsync(next(version));
        version = after.steps.find((s) => s.discipline === step.discipline)!.version;
      }
      void message.success(done);
    } catch (error) {
      setRefusal(problemText(error));
      if (error instanceof ApiError && error.code === "version_conflict")
        await client.invalidateQueries({ queryKey: qualityCaseQuery(c.id).queryKey });
    }
  }
  const save = (version: number): StepCommand => ({
    command: "save",
    version,
    data: form.getFieldsValue(true),
    ownerId,
  });

  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid={`step-${step.discipline}`}>
      <StepFacts step={step} ownerId={ownerId} onOwner={may("edit") ? setOwnerId : undefined} />
      {step.status === "sent_back" && step.sentBackComment && (
        <Alert
          type="warning"
          showIcon
          title={t("quality.sentBackWith", { comment: step.sentBackComment })}
        />
      )}
      {refusal && (
        <Alert type="error" showIcon title={refusal} data-testid="step-refusal" closable />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={step.data}
        disabled={!may("edit")}
        onFinish={() => void run([save], t("quality.saved"))}
      >
        <StepFields discipline={step.discipline as Discipline} c={c} />
      </Form>
      <Space wrap data-testid="step-actions">
        {may("edit") && (
          <Button onClick={() => form.submit()} disabled={command.isPending}>
            {t("common.save")}
          </Button>
        )}
        {/* Offered while the record is editable even if the stored one is not complete yet: the form
            is saved first, and a refusal names what is still missing or which step it waits for. */}
        {(may("submit") || may("edit")) && (
          <Button
            type="primary"
            disabled={command.isPending}
            onClick={() =>
              void run(
                [
                  ...(may("edit") && dirty() ? [save] : []),
                  (version) => ({ command: "submit", version }),
                ],
                t("quality.submitted"),
              )
            }
          >
            {t("quality.submit")}
          </Button>
        )}
        {may("approve") && (
          <Button
            type="primary"
            disabled={command.isPending}
            onClick={() =>
              void run([(version) => ({ command: "approve", version })], t("quality.approved"))
            }
          >
            {t("quality.approve")}
          </Button>
        )}
        {may("send_back") && (
          <Button danger disabled={command.isPending} onClick={() => setSendingBack(true)}>
            {t("quality.sendBack")}
          </Button>
        )}
        {may("remind") && <RemindButton caseId={c.id} discipline={step.discipline} />}
      </Space>
      {sendingBack && (
        <SendBackDialog
          onClose={() => setSendingBack(false)}
          onSend={(comment) => {
            setSendingBack(false);
            void run(
              [(version) => ({ command: "send-back", version, comment })],
              t("quality.wasSentBack"),
            );
          }}
        />
      )}
    </Space>
  );
}

function StepFacts({
  step,
  ownerId,
  onOwner,
}: {
  step: QualityStep;
  ownerId: string | null;
  onOwner?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const person = (p: Person) => (p ? `${p.name} (${t("app.agentNo", { no: p.agentNo })})` : "—");
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label={t("quality.status")}>
        <Tag data-testid="step-status">{t(`quality.stepStatus.${step.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t("quality.owner")}>
        {onOwner ? (
          <Select
            size="small"
            allowClear
            style={{ minWidth: 180 }}
            value={ownerId}
            onChange={(v) => onOwner(v ?? null)}
            showSearch={{ optionFilterProp: "label" }}
            options={(users.data ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.id, label: `${u.displayName} (${u.agentNo})` }))}
            aria-label={t("quality.owner")}
          />
        ) : (
          person(step.owner)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("quality.due")}>
        <span style={step.overdue ? { color: "#cf1322" } : undefined}>
          {formatTime(step.dueAt)}
          {step.overdue && ` · ${t("quality.overdue")}`}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t("quality.submittedBy")}>
        {step.submittedBy ? `${person(step.submittedBy)} ${formatTime(step.submittedAt)}` : "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("quality.approvedBy")}>
        {step.approvedBy ? `${person(step.approvedBy)} ${formatTime(step.approvedAt)}` : "—"}
      </Descriptions.Item>
    </Descriptions>
  );
}

function SendBackDialog({
  onClose,
  onSend,
}: {
  onClose: () => void;
  onSend: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  return (
    <Modal
      open
      title={t("quality.sendBack")}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: !comment.trim() }}
      onOk={() => onSend(comment.trim())}
      onCancel={onClose}
    >
      <Input.TextArea
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t("quality.sendBackComment")}
        aria-label={t("quality.sendBackComment")}
      />
    </Modal>
  );
}

/** 催办: presses the step's owner with a short note, heard in their bell. */
function RemindButton({ caseId, discipline }: { caseId: string; discipline: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  const send = async () => {
    await api.post(`/quality-cases/${caseId}/steps/${discipline}/remind`, note ? { note } : {});
    setNote(null);
    void message.success(t("quality.reminded"));
    await client.invalidateQueries({ queryKey: qualityCaseQuery(caseId).queryKey });
  };
  return (
    <>
      <Button onClick={() => setNote("")}>{t("quality.remind")}</Button>
      <Modal
        open={note !== null}
        title={t("quality.remind")}
        onCancel={() => setNote(null)}
        onOk={() => void send()}
      >
        <Input.TextArea
          aria-label={t("quality.remindNote")}
          placeholder={t("quality.remindNote")}
          value={note ?? ""}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
