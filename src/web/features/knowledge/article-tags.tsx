import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { KnowledgeArticle } from "../../api/types";

/** Kind, must-read and whether it is in force: what a list row and the article's head both show. */
export function ArticleTags({ article }: { article: KnowledgeArticle }) {
  const { t } = useTranslation();
  const notYet = article.effectiveFrom !== null && new Date(article.effectiveFrom) > new Date();
  return (
    <Space size={0} wrap>
      <Tag color="blue">{t(`knowledge.kind.${article.kind}`)}</Tag>
      {article.mustRead && <Tag color="red">{t("knowledge.mustRead")}</Tag>}
      {article.unread && (
        <Tag color="orange" data-testid="article-unread">
          {t("knowledge.unread")}
        </Tag>
      )}
      {!article.effective && (
        <Tag data-testid="article-out-of-period">
          {notYet ? t("knowledge.notYet") : t("knowledge.expired")}
        </Tag>
      )}
    </Space>
  );
}
