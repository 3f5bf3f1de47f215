import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { remedyTypes } from "../../../domain/remedy/remedy";
import { mayAskRemedy } from "../../../domain/remedy/remedy-policy";
import { api } from "../../api/client";
import type { AskRemedyInput, Complaint, Remedy } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { codeOptions } from "../../i18n/code-options";
import { formatAmount, formatTime } from "../../i18n/format";
import { useUser } from "../session/session";
import { type RemedyAction, RemedyDecision } from "./remedy-decision";

const statusColor: Record<Remedy["status"], string> = {
  granted: "green",
  pending_approval: "orange",
  rejected: "red",
  reversed: "default",
};

/** One remedy: what, how much, where it stands, who asked and who decided. */
function RemedyLine({ remedy, onAct }: { remedy: Remedy; onAct: (a: RemedyAction) => void }) {
  const { t } = useTranslation();
  const person = (p: { name: string; agentNo: string }) =>
    `${p.name} (${t("app.agentNo", { no: p.agentNo })})`;
  return (
    <li data-testid="remedy">
      <Space wrap size={4}>
        <Typography.Text strong>{t(`remedy.types.${remedy.type}`)}</Typography.Text>
        <span data-testid="remedy-amount">{formatAmount(remedy.amount)}</span>
        <Tag color={statusColor[remedy.status]}>{t(`remedy.status.${remedy.status}`)}</Tag>
        <span>{remedy.reason}</span>
        <Typography.Text type="secondary">
          {t("remedy.requestedBy")} {person(remedy.requestedBy)} · {formatTime(remedy.createdAt)}
        </Typography.Text>
        {remedy.approver && (
          <Typography.Text type="secondary">
            {t("remedy.approver")} {t(`role.${remedy.approver}`)}
          </Typography.Text>
        )}
        {remedy.decidedBy && remedy.approver && (
          <Typography.Text type="secondary">
            {t("remedy.decidedBy")} {person(remedy.decidedBy)}
            {remedy.decisionNote && `：${remedy.decisionNote}`}
          </Typography.Text>
        )}
        {remedy.reversal && (
          <Typography.Text type="secondary">
            {t("remedy.reverse")} {person(remedy.reversal.reversedBy)}：{remedy.reversal.reason}
          </Typography.Text>
        )}
        {remedy.allowedActions.map((action) => (
          <Button key={action} size="small" onClick={() => onAct(action)}>
            {t(`remedy.${action}`)}
          </Button>
        ))}
      </Space>
    </li>
  );
}

/** Give a remedy: on the spot within the caller's authority, else sent for approval. */
function GiveRemedy({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<AskRemedyInput>();
  const refusal = useFormRefusal(form);
  const type = Form.useWatch("type", form);
  const give = useMutation({
    mutationFn: (values: AskRemedyInput) =>
      api.post<Remedy>(`/complaints/${complaint.id}/remedies`, {
        ...values,
        amount: values.type === "apology" ? "0" : values.amount,
      }),
    onSuccess: (remedy) => {
      refusal.clear();
      form.resetFields();
      void client.invalidateQueries({ queryKey: ["complaint", complaint.id] });
      void message.success(`${t("remedy.given")} · ${t(`remedy.status.${remedy.status}`)}`);
    },
    onError: (error) => refusal.show(error),
  });
  return (
    <>
      {refusal.alert}
      <Form
        form={form}
        name="give-remedy"
        layout="inline"
        size="small"
        initialValues={{ type: "refund" }}
        onFinish={(values) => give.mutate(values)}
        data-testid="give-remedy"
      >
        <Form.Item name="type" label={t("remedy.type")}>
          <Select style={{ width: 110 }} options={codeOptions(t, "remedy.types", remedyTypes)} />
        </Form.Item>
        {type !== "apology" && (
          <Form.Item
            name="amount"
            label={t("remedy.amount")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Input style={{ width: 100 }} inputMode="decimal" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("remedy.reason")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input style={{ width: 220 }} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" type="primary" disabled={give.isPending}>
          {t("remedy.give")}
        </Button>
      </Form>
    </>
  );
}

/**
 * 补救 on the case: what the customer asked for beside what was granted, each remedy with its
 * status and people, the form to give one, and the decisions the caller may take.
 */
export function RemediesPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useUser();
  const [acting, setActing] = useState<{ remedy: Remedy; action: RemedyAction } | null>(null);
  return (
    <Card
      size="small"
      title={t("remedy.title")}
      data-testid="remedies"
      extra={
        <Space size={12}>
          <span data-testid="remedy-demand">
            {t("remedy.demand")} {formatAmount(complaint.demandAmount)}
          </span>
          <span data-testid="remedy-granted">
            {t("remedy.granted")} {formatAmount(complaint.grantedAmount)}
          </span>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }} size={8}>
        {complaint.remedies.length === 0 ? (
          <Typography.Text type="secondary">{t("remedy.none")}</Typography.Text>
        ) : (
          <div className="plain-list">
            <ul>
              {complaint.remedies.map((remedy) => (
                <RemedyLine
                  key={remedy.id}
                  remedy={remedy}
                  onAct={(action) => setActing({ remedy, action })}
                />
              ))}
            </ul>
          </div>
        )}
        {mayAskRemedy(user, complaint).ok && <GiveRemedy complaint={complaint} />}
      </Space>
      {acting && <RemedyDecision {...acting} onClose={() => setActing(null)} />}
    </Card>
  );
}
