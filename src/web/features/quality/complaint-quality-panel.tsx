import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canOpenQualityCases } from "../../../domain/quality/quality-policy";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { useRefusalToast } from "../../components/feedback";
import { useUser } from "../session/session";
import { OpenQualityCaseButton } from "./open-quality-case";
import { qualityBoardQuery, useLinkComplaints } from "./quality-query";
import { useStepTitle } from "./step-label";

/**
 * 质量8D on a complaint's page: the 8D it belongs to with its current step, or, for those who
 * may, a way to link it to an open 8D or to open a new one from it.
 */
export function ComplaintQualityPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useUser();
  const stepTitle = useStepTitle();
  const linked = complaint.qualityCase;
  if (!linked && !canOpenQualityCases(user.role)) return null;
  return (
    <Card size="small" title={t("quality.panel")} data-testid="complaint-quality">
      {linked ? (
        <Space wrap>
          <Link to={`/quality/${linked.id}`} data-testid="complaint-quality-link">
            {linked.number}
          </Link>
          <Typography.Text>{linked.title}</Typography.Text>
          <Typography.Text type="secondary" data-testid="complaint-quality-step">
            {linked.currentStep ? stepTitle(linked.currentStep) : t("quality.closed")}
          </Typography.Text>
        </Space>
      ) : (
        <LinkToQualityCase complaint={complaint} />
      )}
    </Card>
  );
}

function LinkToQualityCase({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const toastRefusal = useRefusalToast();
  const [caseId, setCaseId] = useState<string>();
  const board = useQuery(qualityBoardQuery("open"));
  const link = useLinkComplaints();
  return (
    <Space wrap>
      <Select
        style={{ minWidth: 220 }}
        placeholder={t("quality.pickCase")}
        aria-label={t("quality.pickCase")}
        value={caseId}
        onChange={setCaseId}
        loading={board.isLoading}
        showSearch={{ optionFilterProp: "label" }}
        options={(board.data?.items ?? []).map((c) => ({
          value: c.id,
          label: `${c.number} ${c.title}${c.model ? ` (${c.model})` : ""}`,
        }))}
      />
      <Button
        disabled={!caseId || link.isPending}
        onClick={() =>
          caseId &&
          link.mutate(
            { caseId, complaintIds: [complaint.id] },
            {
              onError: toastRefusal,
            },
          )
        }
      >
        {t("quality.link")}
      </Button>
      <OpenQualityCaseButton
        complaintIds={[complaint.id]}
        defaults={{ title: complaint.subject }}
      />
    </Space>
  );
}
