import { Card, Space, Tag, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { Clock } from "../../api/types";
import { Countdown } from "../../components/countdown";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/i18n";

/** The case's statutory clocks: what is due when, and which have stopped, paused or run out. */
export const ClocksPanel = memo(function ClocksPanel({ clocks }: { clocks: Clock[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("sla.title")}>
      <PlainList
        items={clocks}
        empty={t("sla.none")}
        renderItem={(clock) => (
          <li key={clock.name} data-testid={`clock-${clock.name}`}>
            <Space wrap>
              <Typography.Text strong>{t(`sla.clock.${clock.name}`, clock.name)}</Typography.Text>
              <Typography.Text type="secondary">{formatTime(clock.dueAt)}</Typography.Text>
              {clock.breached && <Tag color="red">{t("sla.breached")}</Tag>}
              {clock.paused && <Tag color="orange">{t("sla.paused")}</Tag>}
              {clock.stopped ? (
                <Tag>{t("sla.stopped")}</Tag>
              ) : (
                !clock.paused && <Countdown dueAt={clock.dueAt} />
              )}
            </Space>
          </li>
        )}
      />
    </Card>
  );
});
