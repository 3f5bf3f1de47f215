import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Notification } from "../../api/types";
import { CaseLink } from "../complaint/case-link";

interface DigestCase {
  complaintId: string;
  number: string;
  type: string;
}

/** How many of a digest's cases the bell names; the mail lists more. */
const SHOWN = 5;

/** A supervisor's digest of one sweep: the counts, then the first cases as links. */
export function DeadlineDigest({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const cases = (notification.data.cases ?? []) as DigestCase[];
  const rest = cases.length - SHOWN + Number(notification.data.more ?? 0);
  return (
    <Space size={[8, 0]} wrap>
      {cases.slice(0, SHOWN).map((c) => (
        <CaseLink
          key={c.complaintId}
          id={c.complaintId}
          title={t(`event.${c.type}`)}
          onClick={(e) => e.stopPropagation()}
        >
          {c.number}
        </CaseLink>
      ))}
      {rest > 0 && (
        <Typography.Text type="secondary">{t("bell.more", { count: rest })}</Typography.Text>
      )}
    </Space>
  );
}
