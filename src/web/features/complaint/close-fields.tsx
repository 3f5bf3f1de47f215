import { Alert, Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { closeReasonCodes } from "../../../domain/complaint/follow-up-rules";
import type { Complaint } from "../../api/types";
import { codeOptions } from "../../i18n/code-options";

/**
 * 办结: the reason in words, and straight from 已答复 (no follow-up visit) the reason code the
 * server requires; "customer unreachable" shows the failed tries logged against those needed.
 */
export function CloseFields({ complaint }: { complaint?: Complaint }) {
  const { t } = useTranslation();
  const code = Form.useWatch("reasonCode");
  const unvisited = complaint?.status === "replied";
  const followUp = complaint?.followUp;
  const short = followUp && followUp.failedAttempts < followUp.requiredAttempts;
  return (
    <>
      {unvisited && (
        <>
          <Typography.Paragraph type="secondary">{t("closeReason.hint")}</Typography.Paragraph>
          <Form.Item
            name="reasonCode"
            label={t("closeReason.label")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select options={codeOptions(t, "closeReason.codes", closeReasonCodes)} />
          </Form.Item>
        </>
      )}
      {unvisited && code === "customer_unreachable" && followUp && (
        <Alert
          type={short ? "warning" : "info"}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unreachable-attempts"
          title={t("followUp.attempts", {
            count: followUp.failedAttempts,
            required: followUp.requiredAttempts,
          })}
        />
      )}
      <Form.Item name="reason" label={t("field.reason")} rules={[{ required: true }]}>
        <Input.TextArea rows={2} autoFocus={!unvisited} />
      </Form.Item>
    </>
  );
}
