import { Checkbox, Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Name = string | (string | number)[];

/** The last part of a field's name: the key of its label in quality.f. */
const labelKey = (name: Name) => String(Array.isArray(name) ? name.at(-1) : name);

/**
 * One field of a discipline's record, labelled from quality.f by its own name unless told
 * otherwise (the record's field names are the labels' keys); a line of text unless given a control.
 */
export function RecordField({
  name,
  label,
  required,
  children,
}: {
  name: Name;
  label?: string;
  required?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={t(`quality.f.${label ?? labelKey(name)}`)}
      rules={required ? [{ required: true }] : undefined}
    >
      {children ?? <Input />}
    </Form.Item>
  );
}

/** A few lines of free text in a record. */
export function RecordText({ name, rows = 2 }: { name: Name; rows?: number }) {
  return (
    <RecordField name={name}>
      <Input.TextArea rows={rows} />
    </RecordField>
  );
}

/** A yes/no of a record, the label beside the box. */
export function RecordCheck({ name }: { name: Name }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} valuePropName="checked">
      <Checkbox>{t(`quality.f.${labelKey(name)}`)}</Checkbox>
    </Form.Item>
  );
}
