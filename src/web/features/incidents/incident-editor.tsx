import { Form, Input, Select, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Incident, IncidentDetail, IncidentInput } from "../../api/types";
import { EditModal } from "../../components/edit-modal";
import { PeriodFields } from "../../components/period-fields";
import { useRecordEditor } from "../../components/record-editor";
import { useTermOptions } from "../lists/lists";
import { useRefreshIncidents } from "./incidents-api";

export type IncidentDraft = Partial<Pick<FormValues, "category" | "area" | "location">>;

type FormValues = {
  title: string;
  description: string;
  location: string;
  area?: string | null;
  category?: string | null;
  businessType?: string | null;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  customerWording: string;
  public?: boolean;
};

const valuesOf = (incident: Incident): FormValues => ({
  ...incident,
  startsAt: dayjs(incident.startsAt),
  endsAt: incident.endsAt ? dayjs(incident.endsAt) : null,
});

const bodyOf = (v: FormValues): IncidentInput => ({
  title: v.title,
  description: v.description,
  location: v.location,
  area: v.area?.trim() || null,
  category: v.category ?? null,
  businessType: v.businessType ?? null,
  startsAt: v.startsAt.toISOString(),
  endsAt: v.endsAt ? v.endsAt.toISOString() : null,
  customerWording: v.customerWording,
  public: v.public ?? false,
});

/**
 * Publish an incident, or edit a live one on the version the supervisor opened: if someone saved
 * first the latest is loaded into the dialog, so nothing is overwritten unseen.
 */
export function IncidentEditor({
  incident,
  draft,
  onClose,
  onSaved,
  reload,
}: {
  /** null: a new incident. */
  incident: Incident | null;
  /** A new incident's first values (from a 群体性投诉 alert). */
  draft?: IncidentDraft;
  onClose: () => void;
  onSaved?: (saved: Incident) => void;
  reload?: () => Promise<IncidentDetail | undefined>;
}) {
  const { t } = useTranslation();
  const categories = useTermOptions("category");
  const businessTypes = useTermOptions("business_type");
  const [form] = Form.useForm<FormValues>();
  const { save, conflict } = useRecordEditor<Incident, FormValues>({
    record: incident,
    form,
    valuesOf,
    reload,
    save: (values, base) =>
      base
        ? api.patch<Incident>(`/incidents/${base.id}`, { ...bodyOf(values), version: base.version })
        : api.post<Incident>("/incidents", bodyOf(values)),
    savedText: t("incidents.saved"),
    refresh: useRefreshIncidents(),
    onSaved,
    onClose,
  });

  const field = (name: string) => t(`incidents.field.${name}`);
  return (
    <EditModal
      open
      width={720}
      title={incident ? t("incidents.edit") : t("incidents.publish")}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "incident-save" } as never}
      saving={save.isPending}
      onSave={() => form.submit()}
      conflict={conflict === null ? null : t("incidents.conflict", { version: conflict })}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          incident ? valuesOf(incident) : { startsAt: dayjs(), public: false, ...draft }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="title" label={field("title")} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="incident-title" />
        </Form.Item>
        <Form.Item name="location" label={field("location")} rules={[{ required: true }]}>
          <Input data-testid="incident-location" />
        </Form.Item>
        <Form.Item name="area" label={field("area")}>
          <Input data-testid="incident-area" />
        </Form.Item>
        <Form.Item name="category" label={field("category")}>
          <Select
            allowClear
            data-testid="incident-category"
            placeholder={t("incidents.any")}
            showSearch={{ optionFilterProp: "label" }}
            options={categories.options}
            loading={categories.loading}
          />
        </Form.Item>
        <Form.Item name="businessType" label={field("businessType")}>
          <Select
            allowClear
            placeholder={t("incidents.any")}
            showSearch={{ optionFilterProp: "label" }}
            options={businessTypes.options}
            loading={businessTypes.loading}
          />
        </Form.Item>
        <PeriodFields
          from={{ name: "startsAt", label: field("startsAt"), required: true }}
          to={{ name: "endsAt", label: field("endsAt") }}
        />
        <Form.Item name="description" label={field("description")} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="incident-description" />
        </Form.Item>
        <Form.Item
          name="customerWording"
          label={field("customerWording")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} data-testid="incident-wording" />
        </Form.Item>
        <Form.Item name="public" label={field("public")} valuePropName="checked">
          <Switch data-testid="incident-public" />
        </Form.Item>
      </Form>
    </EditModal>
  );
}
