import { DatePicker, Form } from "antd";

type Bound = { name: string; label: string; required?: boolean };

/** When something applies, to the minute: from one instant, until another or open-ended. */
export function PeriodFields({ from, to }: { from: Bound; to: Bound }) {
  return (
    <>
      {[from, to].map(({ name, label, required }) => (
        <Form.Item key={name} name={name} label={label} rules={required ? [{ required }] : []}>
          <DatePicker showTime />
        </Form.Item>
      ))}
    </>
  );
}
