import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, InputNumber, Select, Space, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { severities } from "../../../domain/complaint/case-attributes";
import { complaintKinds } from "../../../domain/complaint/complaint-lifecycle";
import { breachActions, slaTargetNames } from "../../../domain/sla/sla-policy";
import { slaUnits } from "../../../domain/sla/sla-target";
import { api } from "../../api/client";
import type { Items, SlaPolicy, SlaPolicyChanges, UpdateSlaPolicyInput } from "../../api/types";
import { EditModal, useEditConflict } from "../../components/edit-modal";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { codeOptions } from "../../i18n/code-options";
import { useTermOptions } from "../lists/lists";

type Target = { amount?: number | null; unit?: string | null };
type Values = Omit<SlaPolicy, "targets" | "extension" | "warnAtShare" | "version"> & {
  targets: Record<string, Target>;
  warnAtShare: number | null;
  extension: { max?: Target; approver?: "supervisor" | "admin" } | null;
};

/** A target as the API takes it, or nothing when the row was left blank. */
const targetOf = (t: Target | null | undefined) =>
  t && t.amount !== null && t.amount !== undefined && t.unit
    ? { amount: t.amount, unit: t.unit as (typeof slaUnits)[number] }
    : undefined;

/** The policy's form values, shaped as the API's fields so its refusals find their inputs. */
const valuesOf = (policy: SlaPolicy): Values => ({
  ...policy,
  targets: policy.targets as Record<string, Target>,
});

/** A new policy starts matching everything, after the others, warned at three quarters. */
const blank = (order: number): Values => ({
  id: "",
  name: "",
  order,
  active: true,
  match: {},
  targets: {},
  warnAtShare: 0.75,
  actionsOnBreach: [],
  extension: null,
});

function bodyOf(v: Values): SlaPolicyChanges {
  const targets = Object.fromEntries(
    Object.entries(v.targets ?? {}).flatMap(([name, t]) => {
      const target = targetOf(t);
      return target ? [[name, target]] : [];
    }),
  );
  const max = targetOf(v.extension?.max);
  return {
    name: v.name,
    order: v.order,
    active: v.active,
    match: v.match,
    targets,
    warnAtShare: v.warnAtShare ?? null,
    actionsOnBreach: v.actionsOnBreach,
    extension: max ? { max, approver: v.extension?.approver ?? "supervisor" } : null,
  };
}

/** A time limit's amount and unit side by side, under the field path the server names. */
function TargetInput({ path, label }: { path: (string | number)[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Space>
        <Form.Item name={[...path, "amount"]} noStyle>
          <InputNumber aria-label={`${label} ${t("quality.amount")}`} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name={[...path, "unit"]} noStyle>
          <Select
            allowClear
            style={{ width: 130 }}
            aria-label={`${label} ${t("quality.unit")}`}
            options={codeOptions(t, "quality.units", slaUnits)}
          />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/**
 * Adds an SLA policy, or edits one on the version the admin opened (a colleague's newer save is
 * loaded and shown, never overwritten); the server's refusals land on their fields in the user's
 * language. A new policy's code (`id`) is given once and never changes.
 */
export function SlaPolicyForm({
  policy,
  nextOrder,
  onClose,
}: {
  policy: SlaPolicy | null;
  nextOrder: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const refusal = useFormRefusal(form);
  const categories = useTermOptions("category");
  const channels = useTermOptions("channel");
  const [base, setBase] = useState(policy);
  const edit = useEditConflict<SlaPolicy>((latest) => {
    setBase(latest);
    form.setFieldsValue(valuesOf(latest));
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      base
        ? api.patch<SlaPolicy>(`/sla/policies/${base.id}`, {
            ...bodyOf(v),
            version: base.version,
          } satisfies UpdateSlaPolicyInput)
        : api.post<SlaPolicy>("/sla/policies", { id: v.id, ...bodyOf(v) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["sla-policies"] });
      void message.success(t("slaPolicies.saved"));
      onClose();
    },
    onError: async (error) => {
      const latest = () =>
        api
          .get<Items<SlaPolicy>>("/sla/policies")
          .then((r) => r.items.find((p) => p.id === base?.id));
      if (!(base && (await edit.resolve(error, latest)))) refusal.show(error);
    },
  });
  const many = (name: string[], options: { value: string; label: string }[], label: string) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 8 }}>
      <Select mode="multiple" allowClear options={options} />
    </Form.Item>
  );
  return (
    <EditModal
      open
      width={720}
      title={policy ? t("slaPolicies.editTitle", { name: policy.name }) : t("slaPolicies.newTitle")}
      onSave={() => form.submit()}
      onCancel={onClose}
      saving={save.isPending}
      conflict={
        edit.conflict === null ? null : t("slaPolicies.conflict", { version: edit.conflict })
      }
    >
      {refusal.alert}
      <Form
        form={form}
        name="sla-policy"
        layout="horizontal"
        labelCol={{ span: 7 }}
        size="small"
        initialValues={policy ? valuesOf(policy) : blank(nextOrder)}
        onFinish={(v) => {
          refusal.clear();
          save.mutate(v);
        }}
      >
        {!policy && (
          <Form.Item
            name="id"
            label={t("slaPolicies.code")}
            extra={t("slaPolicies.codeHint")}
            rules={[{ required: true, pattern: /^[\w-]+$/, max: 64 }]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("slaPolicies.name")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="order" label={t("slaPolicies.order")} rules={[{ required: true }]}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t("slaPolicies.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {many(["match", "kinds"], codeOptions(t, "kind", complaintKinds), t("slaPolicies.kinds"))}
        {many(
          ["match", "severities"],
          codeOptions(t, "severity", severities),
          t("slaPolicies.severities"),
        )}
        {many(["match", "categories"], categories.options, t("slaPolicies.categories"))}
        {many(["match", "channels"], channels.options, t("field.channel"))}
        {slaTargetNames.map((name) => (
          <TargetInput key={name} path={["targets", name]} label={t(`sla.clock.${name}`)} />
        ))}
        <Form.Item
          name="warnAtShare"
          label={t("slaPolicies.warnAtShare")}
          extra={t("slaPolicies.warnAtShareHint")}
        >
          <InputNumber step={0.05} />
        </Form.Item>
        <TargetInput path={["extension", "max"]} label={t("slaPolicies.extension")} />
        <Form.Item name={["extension", "approver"]} label={t("slaPolicies.approver")}>
          <Select
            allowClear
            options={codeOptions(t, "slaPolicies.approvers", ["supervisor", "admin"] as const)}
          />
        </Form.Item>
        {many(
          ["actionsOnBreach"],
          codeOptions(t, "slaPolicies.actions", breachActions),
          t("slaPolicies.actionsOnBreach"),
        )}
      </Form>
    </EditModal>
  );
}
