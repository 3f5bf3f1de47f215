import { Col, DatePicker, Form, Input, Radio, Row, Select } from "antd";
import { useTranslation } from "react-i18next";

/** Hotlines that transfer cases to the center (上级转办). */
const hotlines = ["12345", "96169", "95598", "12378", "12315"].map((h) => ({ value: h, label: h }));

/**
 * Where the complaint came from: taken directly (the default), or transferred by an upper-level
 * hotline with its own number and deadline.
 */
export function IntakeSourceFields() {
  const { t } = useTranslation();
  const sourceType = Form.useWatch("sourceType");
  return (
    <Row gutter={8}>
      <Col span={6}>
        <Form.Item name="sourceType" label={t("field.sourceType")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "direct", label: t("field.direct") },
              { value: "transfer", label: t("field.transfer") },
            ]}
          />
        </Form.Item>
      </Col>
      {sourceType === "transfer" && (
        <>
          <Col span={6}>
            <Form.Item name="hotline" label={t("field.hotline")} rules={[{ required: true }]}>
              <Select showSearch options={hotlines} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="externalNo" label={t("field.externalNo")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="externalDueAt" label={t("field.externalDueAt")}>
              <DatePicker showTime style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
