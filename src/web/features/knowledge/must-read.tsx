import { Alert, Badge, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useUnreadMustReads } from "./knowledge-api";

/** The header's 必读 count: opens the oldest unread update; gone once all are read. */
export function MustReadBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadMustReads().data ?? [];
  if (unread.length === 0) return null;
  return (
    <Badge count={unread.length} size="small">
      <Button
        size="small"
        danger
        data-testid="must-read-badge"
        onClick={() => navigate(`/knowledge/${unread[unread.length - 1]!.id}`)}
      >
        {t("knowledge.badge")}
      </Button>
    </Badge>
  );
}

/**
 * Seed 002's periodic information updates: every unread must-read named above the page, on every
 * page, until the person opens it and marks it read.
 */
export function MustReadBanner() {
  const { t } = useTranslation();
  const unread = useUnreadMustReads().data ?? [];
  if (unread.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="must-read-banner"
      title={t("knowledge.bannerTitle", { count: unread.length })}
      description={
        <Space wrap size={12}>
          {unread.map((article) => (
            <Link key={article.id} to={`/knowledge/${article.id}`}>
              {article.title}
            </Link>
          ))}
        </Space>
      }
    />
  );
}
