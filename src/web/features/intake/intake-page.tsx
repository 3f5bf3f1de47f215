import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { canOwnCases } from "../../../domain/access/roles";
import { severities } from "../../../domain/complaint/case-attributes";
import { complaintKinds } from "../../../domain/complaint/complaint-lifecycle";
import { readIdentifier } from "../../../domain/customer/identifier";
import { api, fieldErrors } from "../../api/client";
import type { Complaint, CreateComplaintInput } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { randomId } from "../../components/random-id";
import { codeOptions } from "../../i18n/code-options";
import { complaintQuery } from "../complaint/complaint-query";
import { useTermOptions } from "../lists/lists";
import { useUser } from "../session/session";
import { type Caller, CallerPanel } from "./caller-panel";
import { IncidentNotices, useIncidentChoice } from "./incident-notices";
import { IntakeAreaField } from "./intake-area-field";
import { IntakeSourceFields } from "./intake-source-fields";
import { IntakeSuggestions } from "./intake-suggestions";
import { useFocusForCaller } from "./use-advance-to-form";
import { newCustomerFields } from "./use-identifier-lookup";

// A complaint is what most calls here are: first in the list.
const kinds = ["complaint", ...complaintKinds.filter((kind) => kind !== "complaint")] as const;

/**
 * The server names nested fields (body.customer.phone, body.source.externalDueAt); the intake
 * form keeps them flat, so such an error goes to the form's own field (phone, externalDueAt).
 */
function intakeFieldErrors(error: unknown) {
  const nested = ["customer", "source"];
  return fieldErrors(error).map((f) =>
    f.name.length > 1 && nested.includes(f.name[0]!) ? { ...f, name: f.name.slice(1) } : f,
  );
}

interface FormValues {
  kind: (typeof kinds)[number];
  channel: string;
  sourceType: "direct" | "transfer";
  hotline?: string;
  externalNo?: string;
  externalDueAt?: Dayjs;
  name?: string;
  phone?: string;
  idNumber?: string;
  accountNo?: string;
  subject: string;
  description: string;
  demand?: string;
  demandAmount?: number;
  category?: string;
  businessType?: string;
  complainedBranch?: string;
  causes?: string[];
  severity: (typeof severities)[number];
}

export function IntakePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const message = useMessage();
  // Screen-pop (/intake?phone=…&callId=…): a softphone or CTI opens intake on the ringing call.
  const [params] = useSearchParams();
  const callId = params.get("callId")?.trim().slice(0, 128) || undefined;
  const [caller, setCaller] = useState<Caller>({ undecided: false, settled: "" });
  const customer = caller.customer;
  const moveTo = useFocusForCaller(form, caller);
  // One key per intake form: a double click or a retry after a timeout creates one case, not two.
  const idempotencyKey = useRef(randomId());
  const channels = useTermOptions("channel");
  const categories = useTermOptions("category");
  const businessTypes = useTermOptions("business_type");
  const causes = useTermOptions("cause");
  const incidentChoice = useIncidentChoice();
  // The clear button is a Tab stop of its own; name it in the agent's language, not antd's "Clear".
  const clearable = { label: t("common.clear") };

  const create = useMutation({
    mutationFn: (body: CreateComplaintInput) =>
      api.post<Complaint>("/complaints", body, idempotencyKey.current),
    // The answer is the case page itself: shown without asking for it again.
    onSuccess: async (complaint) => {
      client.setQueryData(complaintQuery(complaint.id).queryKey, complaint);
      if (incidentChoice.chosen.length > 0) {
        await incidentChoice.linkAll(complaint.id);
        void client.invalidateQueries({ queryKey: complaintQuery(complaint.id).queryKey });
      }
      navigate(`/complaints/${complaint.id}`);
    },
    onError: (error) => form.setFields(intakeFieldErrors(error) as never),
  });

  function submit(v: FormValues) {
    if (caller.undecided) {
      void message.warning(t("intake.mustChooseCustomer"));
      return;
    }
    const read = newCustomerFields(readIdentifier(caller.settled));
    const body: CreateComplaintInput = {
      kind: v.kind,
      channel: v.channel,
      ...(customer
        ? { customerId: customer.id }
        : {
            customer: {
              name: v.name ?? "",
              phone: v.phone || read.phone,
              idNumber: v.idNumber || read.idNumber,
              accountNo: v.accountNo || read.accountNo,
              email: read.email,
            },
          }),
      source:
        v.sourceType === "transfer"
          ? {
              type: "transfer",
              hotline: v.hotline ?? "",
              ...(v.externalNo ? { externalNo: v.externalNo } : {}),
              ...(v.externalDueAt ? { externalDueAt: v.externalDueAt.toISOString() } : {}),
            }
          : { type: "direct" },
      ...(canOwnCases(user.role) ? { ownerId: user.id } : {}),
      subject: v.subject,
      description: v.description,
      demand: v.demand || null,
      demandAmount: v.demandAmount ?? null,
      category: v.category ?? null,
      businessType: v.businessType ?? null,
      complainedBranch: v.complainedBranch?.trim() || null,
      causes: v.causes ?? [],
      severity: v.severity,
      ...(callId ? { callId } : {}),
    };
    create.mutate(body);
  }

  return (
    <Row gutter={12}>
      <Col xs={24} lg={10}>
        <CallerPanel
          form={form}
          initial={params.get("phone") ?? ""}
          onCaller={setCaller}
          moveTo={moveTo}
        />
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t("intake.create")}>
          <IncidentNotices
            form={form}
            chosen={incidentChoice.chosen}
            onToggle={incidentChoice.toggle}
          />
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            // Enter submits from a one-line field; Ctrl+Enter from anywhere (a text area, a select).
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                form.submit();
              }
            }}
            initialValues={{
              kind: "complaint",
              sourceType: "direct",
              severity: "normal",
              channel: "phone",
            }}
          >
            <Row gutter={8}>
              <Col span={10}>
                <Form.Item name="kind" label={t("field.kind")}>
                  <Radio.Group optionType="button" options={codeOptions(t, "kind", kinds)} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name="channel" label={t("field.channel")} rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: "label" }}
                    options={channels.options}
                    loading={channels.loading}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name="severity" label={t("field.severity")}>
                  <Select options={codeOptions(t, "severity", severities)} />
                </Form.Item>
              </Col>
            </Row>
            {!customer && (
              <>
                <Typography.Text type="secondary">{t("intake.newCustomer")}</Typography.Text>
                <Row gutter={8}>
                  <Col span={6}>
                    <Form.Item
                      name={["name"]}
                      label={t("field.customerName")}
                      rules={[{ required: !customer }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="phone" label={t("field.phone")}>
                      <Input
                        placeholder={newCustomerFields(readIdentifier(caller.settled)).phone}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="idNumber" label={t("field.idNumber")}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="accountNo" label={t("field.accountNo")}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            )}
            <IntakeSourceFields />
            <Form.Item name="subject" label={t("field.subject")} rules={[{ required: true }]}>
              {/* Enter goes on to the description: a subject alone is never a whole complaint. */}
              <Input
                onPressEnter={(e) => {
                  e.preventDefault();
                  form.focusField("description");
                }}
              />
            </Form.Item>
            <Form.Item
              name="description"
              label={t("field.description")}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <IntakeSuggestions />
            <Row gutter={8}>
              <Col span={16}>
                <Form.Item name="demand" label={t("field.demand")}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="demandAmount" label={t("field.demandAmount")}>
                  <InputNumber min={0} precision={2} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={8}>
              <Col span={8}>
                <Form.Item name="category" label={t("field.category")}>
                  <Select
                    allowClear={clearable}
                    showSearch={{ optionFilterProp: "label" }}
                    options={categories.options}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="businessType" label={t("field.businessType")}>
                  <Select
                    allowClear={clearable}
                    showSearch={{ optionFilterProp: "label" }}
                    options={businessTypes.options}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="causes" label={t("field.causes")}>
                  <Select
                    mode="multiple"
                    allowClear={clearable}
                    options={causes.options}
                    optionFilterProp="label"
                  />
                </Form.Item>
              </Col>
            </Row>
            <IntakeAreaField />
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t("intake.create")}
              </Button>
              <Typography.Text type="secondary">{t("intake.submitHint")}</Typography.Text>
            </Space>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
