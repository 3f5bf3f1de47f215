import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Discipline } from "../../../domain/quality/disciplines";
import type { QualityCase } from "../../api/types";
import { useUsers } from "../lists/lists";
import { D4Fields, D5Fields } from "./analysis-forms";
import { ListRows } from "./list-rows";

/** The form of one discipline's record; its field names are the record's (domain/quality/disciplines.ts). */
export function StepFields({ discipline, c }: { discipline: Discipline; c: QualityCase }) {
  const fields: Record<Discipline, ReactNode> = {
    d0: <D0Fields />,
    d1: <D1Fields />,
    d2: <D2Fields />,
    d3: <D3Fields />,
    d4: <D4Fields problem={c.title} />,
    d5: <D5Fields />,
    d6: <D6Fields />,
    d7: <D7Fields />,
    d8: <D8Fields />,
  };
  return fields[discipline];
}

function D0Fields() {
  const { t } = useTranslation();
  return (
    <>
      <ListRows name="actions" label={t("quality.f.emergencyAction")} newRow={() => ({})}>
        {(row) => (
          <>
            <Form.Item
              name={[row, "action"]}
              label={t("quality.f.action")}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name={[row, "owner"]} label={t("quality.f.actionOwner")}>
              <Input />
            </Form.Item>
            <Form.Item name={[row, "doneAt"]} label={t("quality.f.doneAt")}>
              <Input placeholder="2026-05-01" />
            </Form.Item>
          </>
        )}
      </ListRows>
      <Form.Item name="note" label={t("quality.f.note")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function D1Fields() {
  const { t } = useTranslation();
  const users = useUsers();
  const members = Form.useWatch<{ userId?: string }[] | undefined>("members") ?? [];
  const options = (users.data ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.agentNo})` }));
  return (
    <>
      <ListRows name="members" label={t("quality.f.member")} newRow={() => ({})}>
        {(row) => (
          <>
            <Form.Item
              name={[row, "userId"]}
              label={t("quality.f.person")}
              rules={[{ required: true }]}
            >
              <Select showSearch={{ optionFilterProp: "label" }} options={options} />
            </Form.Item>
            <Form.Item
              name={[row, "role"]}
              label={t("quality.f.teamRole")}
              rules={[{ required: true }]}
            >
              <Input placeholder={t("quality.f.teamRoleHint")} />
            </Form.Item>
          </>
        )}
      </ListRows>
      <Form.Item name="championId" label={t("quality.f.champion")}>
        <Select
          allowClear
          options={options.filter((o) => members.some((m) => m?.userId === o.value))}
        />
      </Form.Item>
    </>
  );
}

const isIsNotRows = ["what", "where", "when", "howMany"] as const;

function D2Fields() {
  const { t } = useTranslation();
  return (
    <>
      <table className="is-is-not" data-testid="is-is-not">
        <thead>
          <tr>
            <th className="is-is-not-cell" />
            <th className="is-is-not-cell">{t("quality.f.is")}</th>
            <th className="is-is-not-cell">{t("quality.f.isNot")}</th>
          </tr>
        </thead>
        <tbody>
          {isIsNotRows.map((row) => (
            <tr key={row}>
              <th className="is-is-not-cell">{t(`quality.f.${row}`)}</th>
              <td className="is-is-not-cell">
                <Form.Item name={[row, "is"]} noStyle>
                  <Input aria-label={`${t(`quality.f.${row}`)} ${t("quality.f.is")}`} />
                </Form.Item>
              </td>
              <td className="is-is-not-cell">
                <Form.Item name={[row, "isNot"]} noStyle>
                  <Input aria-label={`${t(`quality.f.${row}`)} ${t("quality.f.isNot")}`} />
                </Form.Item>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form.Item name="customerWords" label={t("quality.f.customerWords")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="statement" label={t("quality.f.statement")}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

function D3Fields() {
  const { t } = useTranslation();
  return (
    <ListRows name="actions" label={t("quality.f.containment")} newRow={() => ({ done: false })}>
      {(row) => (
        <>
          <Form.Item
            name={[row, "action"]}
            label={t("quality.f.action")}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name={[row, "owner"]} label={t("quality.f.actionOwner")}>
            <Input />
          </Form.Item>
          <Form.Item name={[row, "quantityChecked"]} label={t("quality.f.quantityChecked")}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name={[row, "quantityQuarantined"]} label={t("quality.f.quantityQuarantined")}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name={[row, "done"]} valuePropName="checked">
            <Checkbox>{t("quality.f.done")}</Checkbox>
          </Form.Item>
        </>
      )}
    </ListRows>
  );
}

function D6Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="implementation" label={t("quality.f.implementation")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="implementedAt" label={t("quality.f.implementedAt")}>
        <Input placeholder="2026-05-20" />
      </Form.Item>
      <Form.Item name="verification" label={t("quality.f.verification")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="customerConfirmed" valuePropName="checked">
        <Checkbox>{t("quality.f.customerConfirmed")}</Checkbox>
      </Form.Item>
      <Form.Item name="customerConfirmation" label={t("quality.f.customerConfirmation")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="containmentWithdrawn" valuePropName="checked">
        <Checkbox>{t("quality.f.containmentWithdrawn")}</Checkbox>
      </Form.Item>
    </>
  );
}

function D7Fields() {
  const { t } = useTranslation();
  return (
    <>
      <ListRows name="similarChecked" label={t("quality.f.similar")} newRow={() => ({})}>
        {(row) => (
          <>
            <Form.Item
              name={[row, "product"]}
              label={t("quality.f.similarModel")}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name={[row, "result"]}
              label={t("quality.f.similarResult")}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
      </ListRows>
      <Form.Item name="documents" label={t("quality.f.documents")}>
        <Select mode="tags" aria-label={t("quality.f.documents")} />
      </Form.Item>
      <Form.Item name="processChanges" label={t("quality.f.processChanges")}>
        <Select mode="tags" aria-label={t("quality.f.processChanges")} />
      </Form.Item>
    </>
  );
}

function D8Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="lessonsLearned" label={t("quality.f.lessonsLearned")}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="recognition" label={t("quality.f.recognition")}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="closedAt" label={t("quality.f.closedAt")}>
        <Input placeholder="2026-06-30" />
      </Form.Item>
    </>
  );
}
