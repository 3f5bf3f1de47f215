import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Col, List, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { canEditKnowledge, canSeeReadReceipts } from "../../../domain/knowledge/knowledge";
import { api } from "../../api/client";
import type { KnowledgeArticleDetail, KnowledgeVersion, ReadReceipts } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { useTermLabel } from "../lists/lists";
import { useUser } from "../session/session";
import { ArticleEditor } from "./article-editor";
import { ArticleTags } from "./article-tags";
import { useArticle, useRefreshKnowledge } from "./knowledge-api";

/** One article: its text (or an older version's), its versions, and for editors who has read it. */
export function ArticlePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const message = useMessage();
  const refresh = useRefreshKnowledge();
  const categoryLabel = useTermLabel("category");
  const article = useArticle(id);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const old = useQuery({
    queryKey: ["knowledge", "version", id, shown],
    enabled: shown !== null,
    queryFn: () => api.get<KnowledgeVersion>(`/knowledge/${id}/versions/${shown}`),
  });
  const markRead = useMutation({
    mutationFn: () => api.post(`/knowledge/${id}/read`),
    onSuccess: () => {
      void refresh();
      void message.success(t("knowledge.markedRead"));
    },
  });

  return (
    <QueryState query={article}>
      {article.data && (
        <Row gutter={12}>
          <Col span={17}>
            {(() => {
              const a = article.data;
              const text = shown !== null && shown !== a.version ? old.data : a;
              return (
                <Card
                  size="small"
                  data-testid="article"
                  title={
                    <Space wrap>
                      <span data-testid="article-heading">{text?.title ?? a.title}</span>
                      <ArticleTags article={a} />
                      {shown !== null && shown !== a.version && (
                        <Tag color="purple">{t("knowledge.version", { version: shown })}</Tag>
                      )}
                    </Space>
                  }
                  extra={
                    <Space>
                      {a.unread && (
                        <Button
                          type="primary"
                          loading={markRead.isPending}
                          onClick={() => markRead.mutate()}
                          data-testid="article-mark-read"
                        >
                          {t("knowledge.markRead")}
                        </Button>
                      )}
                      {canEditKnowledge(user.role) && (
                        <Button onClick={() => setEditing(true)} data-testid="article-edit">
                          {t("knowledge.edit")}
                        </Button>
                      )}
                    </Space>
                  }
                >
                  <Typography.Paragraph type="secondary">
                    {t("knowledge.updated", {
                      name: a.updatedBy.displayName,
                      agentNo: a.updatedBy.agentNo,
                      time: formatTime(a.updatedAt),
                      version: a.version,
                    })}
                    {" · "}
                    {a.category ? categoryLabel(a.category) : t("knowledge.anyCategory")}
                    {a.tags.map((tag) => (
                      <Tag key={tag} style={{ marginLeft: 6 }}>
                        {tag}
                      </Tag>
                    ))}
                  </Typography.Paragraph>
                  <Typography.Paragraph
                    style={{ whiteSpace: "pre-wrap" }}
                    data-testid="article-body-text"
                  >
                    {text?.body}
                  </Typography.Paragraph>
                </Card>
              );
            })()}
          </Col>
          <Col span={7}>
            <Versions article={article.data} shown={shown} onShow={setShown} />
            {canSeeReadReceipts(user.role) && article.data.mustRead && (
              <Receipts id={article.data.id} version={article.data.version} />
            )}
          </Col>
        </Row>
      )}
      {editing && article.data && (
        <ArticleEditor
          article={article.data}
          onClose={() => setEditing(false)}
          reload={() => article.refetch().then((r) => r.data)}
          onSaved={() => setShown(null)}
        />
      )}
    </QueryState>
  );
}

function Versions({
  article,
  shown,
  onShow,
}: {
  article: KnowledgeArticleDetail;
  shown: number | null;
  onShow: (version: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("knowledge.versions")} data-testid="article-versions">
      <List
        size="small"
        dataSource={article.versions}
        renderItem={(v) => {
          const current = v.version === article.version;
          const active = (shown ?? article.version) === v.version;
          return (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Button
                  type={active ? "primary" : "link"}
                  size="small"
                  data-testid={`article-version-${v.version}`}
                  onClick={() => onShow(current ? null : v.version)}
                >
                  {t("knowledge.version", { version: v.version })}
                  {current && ` · ${t("knowledge.current")}`}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.changedBy.displayName} · {formatTime(v.changedAt)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.version === 1
                    ? t("knowledge.published")
                    : t("knowledge.changed", {
                        fields: v.changed.map((f) => t(`knowledge.field.${f}`)).join("、"),
                      })}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function Receipts({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const receipts = useQuery({
    queryKey: ["knowledge", "reads", id, version],
    queryFn: () => api.get<ReadReceipts>(`/knowledge/${id}/reads`),
  });
  const who = (p: { displayName: string; agentNo: string }) => `${p.displayName}（${p.agentNo}）`;
  return (
    <Card size="small" title={t("knowledge.reads")} style={{ marginTop: 8 }} data-testid="reads">
      <QueryState query={receipts}>
        <Typography.Text strong>
          {t("knowledge.readBy", { count: receipts.data?.read.length ?? 0 })}
        </Typography.Text>
        <div data-testid="reads-read">
          {receipts.data?.read.map((p) => (
            <Tag key={p.id} color={p.version >= version ? "green" : undefined}>
              {who(p)} · {formatTime(p.readAt)}
            </Tag>
          ))}
        </div>
        <Typography.Text strong>
          {t("knowledge.notReadBy", { count: receipts.data?.unread.length ?? 0 })}
        </Typography.Text>
        <div data-testid="reads-unread">
          {receipts.data?.unread.map((p) => (
            <Tag key={p.id}>{who(p)}</Tag>
          ))}
        </div>
      </QueryState>
    </Card>
  );
}
