import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Notification } from "../../api/types";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/format";
import { DeadlineDigest } from "./deadline-digest";

/** A notice about one complaint or one 8D (its number and subject), not a digest of many. */
const aboutOneCase = (n: Notification) =>
  n.complaintId !== null || typeof n.data.qualityCaseId === "string";

/** The bell's open list: loaded on first opening, since most page loads never open it. */
export function BellList({
  items,
  onOpen,
}: {
  items: Notification[];
  onOpen: (n: Notification) => void;
}) {
  const { t } = useTranslation();
  const label = (type: string) => t(`bell.${type}`, { defaultValue: t(`event.${type}`, type) });
  return (
    <div style={{ width: 360, maxHeight: 420, overflow: "auto" }}>
      <PlainList
        items={items}
        empty={t("bell.empty")}
        renderItem={(n) => (
          <li
            key={n.id}
            onClick={() => onOpen(n)}
            onKeyDown={(e) => e.key === "Enter" && onOpen(n)}
            style={{ cursor: "pointer", opacity: n.readAt ? 0.6 : 1, display: "block" }}
          >
            <Typography.Text strong>
              {aboutOneCase(n)
                ? `${label(n.type)} · ${String(n.data.number ?? "")}`
                : t(`bell.${n.type}`, n.data)}
            </Typography.Text>
            <div>
              {aboutOneCase(n) ? (
                <Typography.Text ellipsis>{String(n.data.subject ?? "")}</Typography.Text>
              ) : (
                <DeadlineDigest notification={n} />
              )}
            </div>
            <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
          </li>
        )}
      />
    </div>
  );
}
