import { Button, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { articleKinds, canEditKnowledge } from "../../../domain/knowledge/knowledge";
import type { KnowledgeArticle } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { formatTime } from "../../i18n/format";
import { useTermLabel } from "../lists/lists";
import { useUser } from "../session/session";
import { ArticleEditor } from "./article-editor";
import { ArticleTags } from "./article-tags";
import { type ArticleFilters, useArticles } from "./knowledge-api";

/** 知识库: search (exact, as complaint search), narrow by kind, open an article; editors add one. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const categoryLabel = useTermLabel("category");
  const [filters, setFilters] = useState<ArticleFilters>({});
  const [creating, setCreating] = useState(false);
  const articles = useArticles(filters);

  return (
    <div data-testid="knowledge-page">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("knowledge.title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t("knowledge.search")}
          data-testid="knowledge-search"
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("knowledge.allKinds")}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          options={codeOptions(t, "knowledge.kind", articleKinds)}
        />
        {canEditKnowledge(user.role) && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="article-new">
            {t("knowledge.newArticle")}
          </Button>
        )}
      </Space>
      <QueryState query={articles}>
        <ListTable<KnowledgeArticle>
          dataSource={articles.data}
          data-testid="knowledge-list"
          locale={{ emptyText: t("knowledge.none") }}
          columns={[
            {
              title: t("knowledge.articleTitle"),
              dataIndex: "title",
              render: (title: string, article) => (
                <Link to={`/knowledge/${article.id}`}>{title}</Link>
              ),
            },
            {
              title: t("knowledge.kindLabel"),
              width: 220,
              render: (_, article) => <ArticleTags article={article} />,
            },
            {
              title: t("knowledge.category"),
              dataIndex: "category",
              width: 120,
              render: (code: string | null) =>
                code ? categoryLabel(code) : t("knowledge.anyCategory"),
            },
            {
              title: t("knowledge.tags"),
              dataIndex: "tags",
              width: 200,
              render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
            {
              title: t("knowledge.period"),
              width: 170,
              render: (_, a) =>
                a.effectiveFrom || a.effectiveTo
                  ? `${a.effectiveFrom ? formatTime(a.effectiveFrom) : "…"} – ${a.effectiveTo ? formatTime(a.effectiveTo) : "…"}`
                  : t("knowledge.always"),
            },
            {
              title: "",
              dataIndex: "updatedAt",
              width: 140,
              render: (at: string) => formatTime(at),
            },
          ]}
        />
      </QueryState>
      {creating && (
        <ArticleEditor
          article={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/knowledge/${saved.id}`)}
        />
      )}
    </div>
  );
}
