import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customerLocales } from "../../../domain/customer-messages/templates";
import { api } from "../../api/client";
import type { Complaint, Customer, UpdateCustomerInput } from "../../api/types";
import { EditModal, useEditConflict } from "../../components/edit-modal";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { codeOptions } from "../../i18n/code-options";

type Values = Omit<UpdateCustomerInput, "version">;

const valuesOf = (c: Customer): Values => ({
  name: c.name,
  phone: c.phone ?? undefined,
  idNumber: c.idNumber,
  accountNo: c.accountNo,
  email: c.email,
  address: c.address,
  locale: c.locale,
});

/**
 * 修改客户信息: the caller gives a new address or email, or the agent corrects a misheard name.
 * The edit carries the version read; when someone saved the customer first, the dialog shows
 * their values and says so instead of overwriting them.
 */
export function CustomerEdit({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const refusal = useFormRefusal(form);
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState(complaint.customer.version);
  const edit = useEditConflict<Customer>((latest) => {
    setVersion(latest.version);
    form.setFieldsValue(valuesOf(latest));
  });

  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<Customer>(`/customers/${complaint.customer.id}`, {
        ...values,
        version,
      } satisfies UpdateCustomerInput),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: ["complaint", complaint.id] });
      void message.success(t("complaint.done"));
    },
    onError: async (error) => {
      const latest = () => api.get<Customer>(`/customers/${complaint.customer.id}`);
      if (!(await edit.resolve(error, latest))) refusal.show(error);
    },
  });

  const start = () => {
    refusal.clear();
    edit.clear();
    setVersion(complaint.customer.version);
    form.resetFields();
    form.setFieldsValue(valuesOf(complaint.customer));
    setOpen(true);
  };
  const emptyIsNull = (v: string) => (v === "" ? null : v);

  return (
    <>
      <Button size="small" onClick={start}>
        {t("customerEdit.open")}
      </Button>
      <EditModal
        open={open}
        title={t("customerEdit.title")}
        conflict={edit.conflict === null ? null : t("customerEdit.conflict")}
        saving={save.isPending}
        forceRender
        onCancel={() => setOpen(false)}
        onSave={() => void form.validateFields().then((values) => save.mutate(values))}
      >
        {refusal.alert}
        <Form form={form} layout="vertical" size="small">
          <Form.Item name="name" label={t("field.customerName")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t("field.phone")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="idNumber" label={t("field.idNumber")} normalize={emptyIsNull}>
            <Input />
          </Form.Item>
          <Form.Item name="accountNo" label={t("field.accountNo")} normalize={emptyIsNull}>
            <Input />
          </Form.Item>
          <Form.Item
            name="email"
            label={t("customerEdit.email")}
            normalize={emptyIsNull}
            rules={[{ type: "email" }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t("customerEdit.address")} normalize={emptyIsNull}>
            <Input />
          </Form.Item>
          <Form.Item
            name="locale"
            label={t("customerEdit.locale")}
            normalize={(v?: string) => v ?? null}
          >
            <Select
              allowClear
              placeholder={t("customerEdit.centerLocale")}
              options={codeOptions(t, "customerEdit.locales", customerLocales)}
            />
          </Form.Item>
        </Form>
      </EditModal>
    </>
  );
}
