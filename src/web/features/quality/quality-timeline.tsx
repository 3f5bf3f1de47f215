import { Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { QualityCase } from "../../api/types";
import { Card } from "../../components/card";
import { formatTime } from "../../i18n/format";

type Event = QualityCase["timeline"][number];

/** What an event's data says in words: the send-back's comment, the complaints or file it names. */
function gist(event: Event): string {
  const parts: string[] = [];
  if (typeof event.data.comment === "string") parts.push(event.data.comment);
  // Linking names each complaint as { id, number }; telling owners to reply, by its number.
  if (Array.isArray(event.data.complaints))
    parts.push(
      event.data.complaints
        .map((c: unknown) => (typeof c === "string" ? c : (c as { number?: string }).number))
        .join("、"),
    );
  if (typeof event.data.number === "string") parts.push(event.data.number);
  if (typeof event.data.fileName === "string") parts.push(event.data.fileName);
  return parts.join(" · ");
}

/** The 8D's history, newest first, each entry with who did it and their agent number. */
export function QualityTimeline({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t("quality.timeline")}
      data-testid="quality-timeline"
      styles={{ body: { maxHeight: 640, overflow: "auto" } }}
    >
      <Timeline
        items={[...events].reverse().map((e) => ({
          key: e.id,
          content: (
            <div data-testid="quality-event">
              <Typography.Text strong>
                {e.discipline ? `${e.discipline.toUpperCase()} ` : ""}
                {t(`quality.event.${e.type}`, e.type)}
              </Typography.Text>{" "}
              <Typography.Text type="secondary">
                {formatTime(e.at)} · {e.actor.name ?? t("quality.system")}
                {e.actor.agentNo ? ` (${t("app.agentNo", { no: e.actor.agentNo })})` : ""}
              </Typography.Text>
              {gist(e) && <div>{gist(e)}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
