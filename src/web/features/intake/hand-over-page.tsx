import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, fieldErrors } from "../../api/client";
import type { Complaint, CreateComplaintInput } from "../../api/types";
import { Card } from "../../components/card";
import { randomId } from "../../components/random-id";
import { complaintQuery } from "../complaint/complaint-query";

interface HandOverValues {
  name: string;
  phone: string;
  subject: string;
  description: string;
  demand?: string;
}

/**
 * 转客服中心: a department handler records a complaint heard in the department; the center owns
 * and answers it, and the handler follows it from the bell.
 */
export function HandOverPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<HandOverValues>();
  const idempotencyKey = useRef(randomId());
  const create = useMutation({
    mutationFn: (body: CreateComplaintInput) =>
      api.post<Complaint>("/complaints", body, idempotencyKey.current),
    onSuccess: (complaint) => {
      client.setQueryData(complaintQuery(complaint.id).queryKey, complaint);
      navigate(`/complaints/${complaint.id}`);
    },
    // The server names the customer's fields body.customer.*; the form keeps them flat.
    onError: (error) =>
      form.setFields(
        fieldErrors(error).map((f) =>
          f.name[0] === "customer" ? { ...f, name: f.name.slice(1) } : f,
        ) as never,
      ),
  });

  function submit(v: HandOverValues) {
    create.mutate({
      kind: "complaint",
      channel: "department",
      customer: { name: v.name, phone: v.phone },
      subject: v.subject,
      description: v.description,
      demand: v.demand || null,
    });
  }

  return (
    <Card title={t("handOver.title")} size="small" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t("handOver.hint")}</Typography.Paragraph>
      <Form<HandOverValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t("handOver.customerName")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t("handOver.customerPhone")} rules={[{ required: true }]}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="subject" label={t("handOver.subject")} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("handOver.description")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={5} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="demand" label={t("handOver.demand")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t("handOver.submit")}
        </Button>
      </Form>
    </Card>
  );
}
