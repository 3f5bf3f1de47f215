import { Button, Checkbox, Form, type FormInstance, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { canOpenQualityCases } from "../../../domain/quality/quality-policy";
import { useFormRefusal } from "../../components/form-refusal";
import { LazyModal as Modal } from "../../components/lazy-modal";
import { useDebounced } from "../../components/use-debounced";
import { useUser } from "../session/session";
import { type OpenQualityCaseInput, useOpenQualityCase } from "./quality-query";
import { SimilarLine, useSimilarComplaints } from "./similar-complaints";

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
  const [picked, setPicked] = useState<string[]>([]);
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
                  complaintIds: [...complaintIds, ...picked],
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
          <SimilarToNew form={form} from={complaintIds[0]} picked={picked} onPick={setPicked} />
        </Modal>
      )}
    </>
  );
}

/**
 * While the 8D is described, complaints like it (same product, model, batch, or words like its
 * title) are offered to link at once, besides the complaint it is opened from.
 */
function SimilarToNew({
  form,
  from,
  picked,
  onPick,
}: {
  form: FormInstance<OpenQualityCaseInput>;
  from?: string;
  picked: string[];
  onPick: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const values = Form.useWatch([], form) as Partial<OpenQualityCaseInput> | undefined;
  const about = useDebounced(
    {
      product: values?.product ?? "",
      model: values?.model ?? "",
      batch: values?.batch ?? "",
      text: values?.title ?? "",
    },
    400,
  );
  const similar = useSimilarComplaints({ ...about, exclude: from });
  const items = similar.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="open-similar">
      <Typography.Text strong>{t("quality.similar.open")}</Typography.Text>
      <Checkbox.Group value={picked} onChange={(v) => onPick(v as string[])}>
        <Space orientation="vertical">
          {items.map((item) => (
            <Checkbox key={item.id} value={item.id} aria-label={item.number}>
              <SimilarLine item={item} />
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    </Space>
  );
}
