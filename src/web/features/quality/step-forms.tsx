import { Form, Input, InputNumber, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Discipline } from "../../../domain/quality/disciplines";
import type { QualityCase } from "../../api/types";
import { useUsers } from "../lists/lists";
import { D4Fields, D5Fields } from "./analysis-forms";
import { ListRows } from "./list-rows";
import { RecordCheck, RecordField, RecordText } from "./record-field";

/** The form of one discipline's record; its field names are the record's (domain/quality/disciplines.ts). */
export function StepFields({ discipline, c }: { discipline: Discipline; c: QualityCase }) {
  const fields: Record<Discipline, ReactNode> = {
    d0: <D0Fields />,
    d1: <D1Fields />,
    d2: <D2Fields />,
    d3: <D3Fields />,
    d4: <D4Fields c={c} />,
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
            <RecordField name={[row, "action"]} required />
            <RecordField name={[row, "owner"]} label="actionOwner" />
            <RecordField name={[row, "doneAt"]}>
              <Input placeholder="2026-05-01" />
            </RecordField>
          </>
        )}
      </ListRows>
      <RecordText name="note" />
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
            <RecordField name={[row, "userId"]} label="person" required>
              <Select showSearch={{ optionFilterProp: "label" }} options={options} />
            </RecordField>
            <RecordField name={[row, "role"]} label="teamRole" required>
              <Input placeholder={t("quality.f.teamRoleHint")} />
            </RecordField>
          </>
        )}
      </ListRows>
      <RecordField name="championId" label="champion">
        <Select
          allowClear
          options={options.filter((o) => members.some((m) => m?.userId === o.value))}
        />
      </RecordField>
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
              {(["is", "isNot"] as const).map((side) => (
                <td key={side} className="is-is-not-cell">
                  <Form.Item name={[row, side]} noStyle>
                    <Input aria-label={`${t(`quality.f.${row}`)} ${t(`quality.f.${side}`)}`} />
                  </Form.Item>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <RecordText name="customerWords" />
      <RecordText name="statement" />
    </>
  );
}

function D3Fields() {
  const { t } = useTranslation();
  return (
    <ListRows name="actions" label={t("quality.f.containment")} newRow={() => ({ done: false })}>
      {(row) => (
        <>
          <RecordField name={[row, "action"]} required />
          <RecordField name={[row, "owner"]} label="actionOwner" />
          {(["quantityChecked", "quantityQuarantined"] as const).map((quantity) => (
            <RecordField key={quantity} name={[row, quantity]}>
              <InputNumber min={0} />
            </RecordField>
          ))}
          <RecordCheck name={[row, "done"]} />
        </>
      )}
    </ListRows>
  );
}

function D6Fields() {
  return (
    <>
      <RecordText name="implementation" />
      <RecordField name="implementedAt">
        <Input placeholder="2026-05-20" />
      </RecordField>
      <RecordText name="verification" />
      <RecordCheck name="customerConfirmed" />
      <RecordText name="customerConfirmation" />
      <RecordCheck name="containmentWithdrawn" />
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
            <RecordField name={[row, "product"]} label="similarModel" required />
            <RecordField name={[row, "result"]} label="similarResult" required />
          </>
        )}
      </ListRows>
      {(["documents", "processChanges"] as const).map((list) => (
        <RecordField key={list} name={list}>
          <Select mode="tags" aria-label={t(`quality.f.${list}`)} />
        </RecordField>
      ))}
    </>
  );
}

function D8Fields() {
  return (
    <>
      <RecordText name="lessonsLearned" rows={3} />
      <RecordText name="recognition" />
      <RecordField name="closedAt">
        <Input placeholder="2026-06-30" />
      </RecordField>
    </>
  );
}
