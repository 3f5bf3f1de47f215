import { useQuery } from "@tanstack/react-query";
import { Col, Descriptions, Row, Space, Steps, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { type Discipline, isDiscipline } from "../../../domain/quality/disciplines";
import type { QualityCase, QualityStep } from "../../api/types";
import { Card } from "../../components/card";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { LinkedComplaints } from "./linked-complaints";
import { qualityCaseQuery } from "./quality-query";
import { QualityTimeline } from "./quality-timeline";
import { useStepTitle } from "./step-label";
import { StepPanel } from "./step-panel";

const stepState: Record<QualityStep["status"], "wait" | "process" | "finish" | "error"> = {
  draft: "wait",
  submitted: "process",
  approved: "finish",
  sent_back: "error",
};

/** An 8D: a stepper over D0…D8, the chosen discipline's form, its complaints and its timeline. */
export function QualityCasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery(qualityCaseQuery(id));
  const c = query.data;
  return (
    <QueryState query={query}>
      {c && (
        <Space orientation="vertical" style={{ width: "100%" }} size={8}>
          <CaseHeader c={c} />
          <Row gutter={8}>
            <Col xs={24} xl={17}>
              <Stepper c={c} />
            </Col>
            <Col xs={24} xl={7}>
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <LinkedComplaints c={c} />
                <QualityTimeline events={c.timeline} />
              </Space>
            </Col>
          </Row>
          {!c.allowed.edit && (
            <Typography.Text type="secondary">{t("quality.readOnly")}</Typography.Text>
          )}
        </Space>
      )}
    </QueryState>
  );
}

function CaseHeader({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  const stepTitle = useStepTitle();
  return (
    <Card size="small" data-testid="quality-header">
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {c.number} {c.title}
        </Typography.Title>
        <Tag color={c.status === "closed" ? "green" : "blue"} data-testid="quality-status">
          {c.status === "closed"
            ? t("quality.closed")
            : c.currentStep
              ? stepTitle(c.currentStep)
              : t("quality.closed")}
        </Tag>
        <a
          href={`/api/v1/quality-cases/${c.id}/report.pdf`}
          target="_blank"
          rel="noreferrer"
          data-testid="quality-report"
        >
          {t("quality.report")}
        </a>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t("quality.product")}>{c.product}</Descriptions.Item>
        <Descriptions.Item label={t("quality.model")}>{c.model ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("quality.batch")}>{c.batch ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("quality.openedBy")}>
          {c.openedBy
            ? `${c.openedBy.name} (${t("app.agentNo", { no: c.openedBy.agentNo })})`
            : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("quality.openedAt")}>
          {formatTime(c.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t("quality.closedAt")}>
          {formatTime(c.closedAt)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** D0…D8 as a stepper; the chosen step is in the address (?step=d4), so a link opens it. */
function Stepper({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  const stepTitle = useStepTitle();
  const [params, setParams] = useSearchParams();
  const asked = params.get("step") ?? "";
  const chosen: Discipline = isDiscipline(asked) ? asked : (c.currentStep ?? "d8");
  const index = c.steps.findIndex((s) => s.discipline === chosen);
  const step = c.steps[index]!;
  return (
    <Card size="small" data-testid="quality-stepper">
      <Steps
        size="small"
        type="navigation"
        current={index}
        onChange={(i) => setParams({ step: c.steps[i]!.discipline }, { replace: true })}
        items={c.steps.map((s) => ({
          title: s.discipline.toUpperCase(),
          description: t(`quality.stepStatus.${s.status}`),
          status: s.discipline === chosen ? "process" : stepState[s.status],
          subTitle: s.overdue ? <Tag color="red">{t("quality.overdue")}</Tag> : undefined,
        }))}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }} data-testid="step-title">
        {stepTitle(chosen)}
      </Typography.Title>
      <StepPanel key={`${c.id}-${chosen}-${step.version}`} c={c} step={step} />
    </Card>
  );
}
