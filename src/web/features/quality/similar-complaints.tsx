import { useQuery } from "@tanstack/react-query";
import { Button, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, queryString } from "../../api/client";
import type { QualityCase, SimilarComplaint } from "../../api/types";
import { useRefusalToast } from "../../components/feedback";
import { PlainList } from "../../components/plain-list";
import { CaseLink } from "../complaint/case-link";
import { useLinkComplaints } from "./quality-query";

export interface SimilarTo {
  product?: string;
  model?: string;
  batch?: string;
  text?: string;
  exclude?: string;
}

/** Complaints like an 8D's, or like the one about to be opened: the server's search, its scope. */
export function useSimilarComplaints(about: { caseId: string } | SimilarTo) {
  return useQuery({
    queryKey: ["similar-complaints", about],
    queryFn: () =>
      api.get<{ items: SimilarComplaint[] }>(
        "caseId" in about
          ? `/quality-cases/${about.caseId}/similar-complaints`
          : `/quality-cases/similar-complaints${queryString({ ...about })}`,
      ),
    enabled: "caseId" in about || Object.values(about).some((v) => v?.trim()),
  });
}

/** One similar complaint: number, subject, why it came up, whose it is. */
export function SimilarLine({ item }: { item: SimilarComplaint }) {
  const { t } = useTranslation();
  return (
    <>
      <CaseLink id={item.id}>{item.number}</CaseLink> {item.subject}{" "}
      <Tag>{t(`status.${item.status}`, item.status)}</Tag>
      {item.reasons.map((r) => (
        <Tag key={r} color="blue">
          {t(`quality.similar.reason.${r}`)}
        </Tag>
      ))}
      <Typography.Text type="secondary">
        {t("quality.customer")}: {item.customerName ?? t("quality.masked")}
      </Typography.Text>
    </>
  );
}

/**
 * 相似投诉 on the 8D's page: complaints of the same product, model or batch, or in similar words,
 * not yet on any 8D, open first; 关联 links one at once. More words widen the search.
 */
export function SimilarComplaints({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  const toastRefusal = useRefusalToast();
  const [words, setWords] = useState("");
  const link = useLinkComplaints();
  const own = useSimilarComplaints({ caseId: c.id });
  const more = useSimilarComplaints({
    product: c.product,
    model: c.model ?? undefined,
    batch: c.batch ?? undefined,
    text: words,
  });
  const items = words.trim() ? (more.data?.items ?? []) : (own.data?.items ?? []);
  const loading = words.trim() ? more.isLoading : own.isLoading;
  return (
    <Space
      orientation="vertical"
      style={{ width: "100%", marginTop: 8 }}
      data-testid="similar-complaints"
    >
      <Typography.Text strong>{t("quality.similar.title")}</Typography.Text>
      <Typography.Text type="secondary">{t("quality.similar.hint")}</Typography.Text>
      <Input.Search
        allowClear
        onSearch={setWords}
        placeholder={t("quality.similar.more")}
        aria-label={t("quality.similar.more")}
      />
      <PlainList
        items={items}
        empty={loading ? "…" : t("quality.noSimilar")}
        renderItem={(item) => (
          <li key={item.id} data-testid="similar-complaint">
            <SimilarLine item={item} />{" "}
            <Button
              size="small"
              type="primary"
              disabled={link.isPending}
              aria-label={`${t("quality.link")} ${item.number}`}
              onClick={() =>
                link.mutate(
                  { caseId: c.id, complaintIds: [item.id] },
                  {
                    onSuccess: () => {
                      void own.refetch();
                      if (words.trim()) void more.refetch();
                    },
                    onError: toastRefusal,
                  },
                )
              }
            >
              {t("quality.link")}
            </Button>
          </li>
        )}
      />
    </Space>
  );
}
