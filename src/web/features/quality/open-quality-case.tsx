import { Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { canOpenQualityCases } from "../../../domain/quality/quality-policy";
import { useFormRefusal } from "../../components/form-refusal";
import { useUser } from "../session/session";
import { type OpenQualityCaseInput, useOpenQualityCase } from "./quality-query";

/**
 * 新建8D: a specialist, supervisor or quality opens an 8D, from the board or from a complaint
 * (which is then its first linked complaint), and lands on its page.
 */
export function OpenQualityCaseButton({
  complaintIds,
  defaults,
}: {
  complaintIds: string[];
  defaults?: Partial<OpenQualityCaseInput>;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OpenQualityCaseInput>();
  const refusal = useFormRefusal(form);
  const openCase = useOpenQualityCase();
  if (!canOpenQualityCases(user.role)) return null;
  const blankToUndefined = (v?: string) => (v?.trim() ? v.trim() : undefined);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="open-quality-case">
        {t("quality.open")}
      </Button>
      {open && (
        <Modal
          open
          title={t("quality.open")}
          okText={t("common.submit")}
          cancelText={t("common.cancel")}
          confirmLoading={openCase.isPending}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
        >
          {refusal.alert}
          <Form
            form={form}
            layout="vertical"
            initialValues={defaults}
            onFinish={(values) =>
              openCase.mutate(
                {
                  title: values.title,
                  product: values.product,
                  model: blankToUndefined(values.model),
                  batch: blankToUndefined(values.batch),
                  complaintIds,
                },
                { onSuccess: (c) => navigate(`/quality/${c.id}`), onError: refusal.show },
              )
            }
          >
            <Form.Item name="title" label={t("quality.title")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="product" label={t("quality.product")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="model" label={t("quality.model")}>
              <Input />
            </Form.Item>
            <Form.Item name="batch" label={t("quality.batch")}>
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
