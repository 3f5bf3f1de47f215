import { useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, queryString } from "../../api/client";
import type { ComplaintListItem, Page, QualityCase } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { PlainList } from "../../components/plain-list";
import { CaseLink } from "../complaint/case-link";
import { useLinkComplaints } from "./quality-query";

/** The 8D's complaints and their customers (masked for roles that may not see them). */
export function LinkedComplaints({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  const [searching, setSearching] = useState(false);
  return (
    <Card
      size="small"
      title={t("quality.complaints", { count: c.complaints.length })}
      data-testid="quality-complaints"
      extra={
        c.allowed.link && (
          <Button size="small" onClick={() => setSearching((s) => !s)}>
            {t("quality.linkMore")}
          </Button>
        )
      }
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
      {searching && <SimilarComplaints c={c} />}
    </Card>
  );
}

/** Open complaints like this 8D's (its model or product, or any words), to link in one go. */
function SimilarComplaints({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  const message = useMessage();
  const [q, setQ] = useState(c.model ?? c.product);
  const [picked, setPicked] = useState<string[]>([]);
  const link = useLinkComplaints();
  const search = useQuery({
    queryKey: ["complaints", { q, open: true, similarTo: c.id }],
    queryFn: () =>
      api.get<Page<ComplaintListItem>>(`/complaints${queryString({ q, open: true, limit: 20 })}`),
    enabled: q.trim().length > 0,
  });
  const linked = new Set(c.complaints.map((x) => x.id));
  const candidates = (search.data?.items ?? []).filter((x) => !linked.has(x.id));
  return (
    <Space orientation="vertical" style={{ width: "100%", marginTop: 8 }}>
      <Input.Search
        defaultValue={q}
        onSearch={setQ}
        placeholder={t("quality.similarHint")}
        aria-label={t("quality.similarHint")}
      />
      <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])}>
        <Space orientation="vertical">
          {candidates.map((x) => (
            <Checkbox key={x.id} value={x.id}>
              {x.number} {x.subject} · {x.customer.name}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      {!search.isLoading && candidates.length === 0 && (
        <Typography.Text type="secondary">{t("quality.noSimilar")}</Typography.Text>
      )}
      <Button
        type="primary"
        disabled={picked.length === 0 || link.isPending}
        onClick={() =>
          link.mutate(
            { caseId: c.id, complaintIds: picked },
            {
              onSuccess: () => setPicked([]),
              onError: (e) =>
                void message.error(e instanceof ApiError ? e.problem.title : t("error.unknown")),
            },
          )
        }
      >
        {t("quality.link")}
      </Button>
    </Space>
  );
}
