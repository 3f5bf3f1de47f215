import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { QualityCase } from "../../api/types";
import { Card } from "../../components/card";
import { PlainList } from "../../components/plain-list";
import { CaseLink } from "../complaint/case-link";
import { SimilarComplaints } from "./similar-complaints";

/** The 8D's complaints and their customers (masked for roles that may not see them). */
export function LinkedComplaints({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("quality.complaints", { count: c.complaints.length })}
      data-testid="quality-complaints"
    >
      <PlainList
        items={c.complaints}
        empty={t("quality.noComplaints")}
        renderItem={(linked) => (
          <li key={linked.id} data-testid="quality-complaint">
            <CaseLink id={linked.id}>{linked.number}</CaseLink> {linked.subject}{" "}
            <Tag>{t(`status.${linked.status}`, linked.status)}</Tag>
            <div>
              <Typography.Text type="secondary">
                {t("quality.customer")}: {linked.customerName ?? t("quality.masked")} ·{" "}
                {t("quality.complaintOwner")}:{" "}
                {linked.owner
                  ? `${linked.owner.name} (${t("app.agentNo", { no: linked.owner.agentNo })})`
                  : "—"}
              </Typography.Text>
            </div>
          </li>
        )}
      />
      {c.allowed.link && c.status === "open" && <SimilarComplaints c={c} />}
    </Card>
  );
}
