import { Button, List, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { KnowledgeArticle } from "../../api/types";
import { ArticleTags } from "./article-tags";
import { useSuggestions } from "./knowledge-api";

/**
 * Beside the reply box: the articles in force for this case (its category, its words), best
 * first. 插入 puts the article's text into the reply; 引用 cites it by title and version, so the
 * reply says which wording it followed; 查看 opens the article in a new tab.
 */
export function ReplySuggestions({
  complaintId,
  onInsert,
}: {
  complaintId: string;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(complaintId);
  const cite = (a: KnowledgeArticle) =>
    t("knowledge.linkText", { title: a.title, version: a.version });
  return (
    <div className="reply-suggestions" data-testid="reply-suggestions">
      <Typography.Text strong>{t("knowledge.suggestions")}</Typography.Text>
      <List
        size="small"
        loading={suggestions.isLoading}
        dataSource={suggestions.data ?? []}
        locale={{ emptyText: t("knowledge.noSuggestions") }}
        renderItem={(article) => (
          <List.Item data-testid="reply-suggestion">
            <Space orientation="vertical" size={2} style={{ width: "100%" }}>
              <Space wrap size={4}>
                <Typography.Text strong>{article.title}</Typography.Text>
                <ArticleTags article={article} />
              </Space>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                {article.body}
              </Typography.Text>
              <Space size={4}>
                <Button
                  size="small"
                  data-testid="suggestion-insert"
                  onClick={() => onInsert(article.body)}
                >
                  {t("knowledge.insert")}
                </Button>
                <Button size="small" onClick={() => onInsert(cite(article))}>
                  {t("knowledge.link")}
                </Button>
                <Button size="small" type="link" href={`/knowledge/${article.id}`} target="_blank">
                  {t("knowledge.open")}
                </Button>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
