import { Card, Checkbox, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLocalState } from "./local-state";

const lscia = ["listen", "share", "clarify", "illustrate", "ask"] as const;
const sixSteps = ["vent", "apologise", "facts", "solution", "act", "followUp"] as const;

/** The LSCIA steps and the bank's six steps as a checklist the agent ticks while handling. */
export function GuidedPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useLocalState<string[]>(`kesu.guide.${complaintId}`, []);
  const toggle = (step: string, on: boolean) =>
    setTicked(on ? [...ticked, step] : ticked.filter((s) => s !== step));
  const group = (title: string, steps: readonly string[]) => (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      {steps.map((step) => (
        <div key={step}>
          <Checkbox
            checked={ticked.includes(step)}
            onChange={(e) => toggle(step, e.target.checked)}
          >
            {t(`guide.${step}`)}
          </Checkbox>
        </div>
      ))}
    </>
  );
  return (
    <Card size="small" title={t("guide.title")}>
      {group(t("guide.lscia"), lscia)}
      <div style={{ height: 8 }} />
      {group(t("guide.six"), sixSteps)}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("guide.storedLocally")}
      </Typography.Text>
    </Card>
  );
}
