import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Radio, Select, Space, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  complaintTypes,
  mentalities,
  productCategories,
} from "../../../domain/complaint/case-attributes";
import { mayEditComplaint } from "../../../domain/complaint/complaint-policy";
import { caseResponsibilities } from "../../../domain/complaint/judgement";
import { api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { codeOptions } from "../../i18n/code-options";
import { formatTime } from "../../i18n/format";
import { useUser } from "../session/session";

type Values = Pick<
  Complaint,
  "mentality" | "complaintType" | "responsibility" | "substantiated" | "findingNote"
>;

const valuesOf = (c: Complaint): Values => ({
  mentality: c.mentality,
  complaintType: c.complaintType,
  responsibility: c.responsibility,
  substantiated: c.substantiated,
  findingNote: c.findingNote,
});

/**
 * The judgement on the case (seed 001, seed 003): the complainant's mentality with how to handle
 * it, the product complaint's type where the category is a product one, and the owner's finding,
 * which a close waits for, beside what the departments found.
 */
export function JudgementPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useUser();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const refusal = useFormRefusal(form);
  const editable = mayEditComplaint(user, complaint).ok;
  const mentality = Form.useWatch("mentality", form) ?? complaint.mentality;
  const productCase =
    (complaint.category !== null && productCategories.includes(complaint.category)) ||
    complaint.complaintType !== null;

  // A reload (another person's change, a command) shows the record as it now stands.
  useEffect(() => form.setFieldsValue(valuesOf(complaint)), [complaint, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<Complaint>(`/complaints/${complaint.id}`, {
        ...values,
        version: complaint.version,
      }),
    onSuccess: (updated) => {
      refusal.clear();
      client.setQueryData(["complaint", updated.id], updated);
      void message.success(t("judgement.saved"));
    },
    onError: (error) => {
      refusal.show(error);
      void client.invalidateQueries({ queryKey: ["complaint", complaint.id] });
    },
  });

  const findings = complaint.workOrders.filter((w) => w.result !== null);
  return (
    <Card size="small" title={t("judgement.title")} data-testid="judgement">
      {refusal.alert}
      <Form
        form={form}
        name="judgement"
        layout="vertical"
        size="small"
        disabled={!editable}
        initialValues={valuesOf(complaint)}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="mentality"
          label={t("judgement.mentality")}
          extra={mentality && t(`mentalityGuide.${mentality}`)}
        >
          <Select allowClear options={codeOptions(t, "mentality", mentalities)} />
        </Form.Item>
        {productCase && (
          <Form.Item name="complaintType" label={t("judgement.complaintType")}>
            <Select allowClear options={codeOptions(t, "complaintType", complaintTypes)} />
          </Form.Item>
        )}
        <Typography.Text strong>{t("judgement.finding")}</Typography.Text>
        <Space wrap style={{ width: "100%" }} align="start">
          <Form.Item name="responsibility" label={t("judgement.responsibility")}>
            <Select
              style={{ minWidth: 140 }}
              options={codeOptions(t, "responsibility", caseResponsibilities)}
            />
          </Form.Item>
          <Form.Item name="substantiated" label={t("judgement.substantiated")}>
            <Radio.Group
              options={[
                { value: true, label: t("common.yes") },
                { value: false, label: t("common.no") },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="findingNote" label={t("judgement.findingNote")}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {complaint.findingBy && complaint.findingAt ? (
          <Typography.Paragraph type="secondary" data-testid="finding-by">
            {t("judgement.findingBy", {
              name: complaint.findingBy.name,
              agentNo: complaint.findingBy.agentNo,
              time: formatTime(complaint.findingAt),
            })}
          </Typography.Paragraph>
        ) : (
          <Alert type="info" showIcon title={t("judgement.findingMissing")} />
        )}
        {editable && (
          <Button
            htmlType="submit"
            type="primary"
            style={{ marginTop: 8 }}
            disabled={save.isPending}
          >
            {t("judgement.save")}
          </Button>
        )}
      </Form>
      <Typography.Text strong style={{ display: "block", marginTop: 8 }}>
        {t("judgement.departmentFindings")}
      </Typography.Text>
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t("judgement.noDepartmentFindings")}</Typography.Text>
      ) : (
        <div className="plain-list">
          <ul data-testid="department-findings">
            {findings.map((w) => (
              <li key={w.id}>
                {w.departmentName}：
                {w.responsibility ? t(`responsibility.${w.responsibility}`) : "—"}，
                {w.substantiated ? t("judgement.substantiated") : t("judgement.notSubstantiated")}
                <Typography.Text type="secondary"> · {w.result}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
