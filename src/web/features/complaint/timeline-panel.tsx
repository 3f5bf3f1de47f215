import { Timeline, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { TimelineEvent } from "../../api/types";
import { Card } from "../../components/card";
import { formatTime } from "../../i18n/format";

const textKeys = [
  "message",
  "reason",
  "text",
  "summary",
  "comment",
  "result",
  "note",
  "remedy",
  "instructions",
  "reasonCode",
];

/** The readable gist of an event's data: what was said or decided, not its raw JSON. */
export function useEventSummary() {
  const { t } = useTranslation();
  return (event: TimelineEvent) => {
    const data = event.data;
    const parts: string[] = [];
    if (typeof data.satisfaction === "string") parts.push(t(`satisfaction.${data.satisfaction}`));
    if (typeof data.status === "string" && event.type === "updated")
      parts.push(t(`status.${data.status}`));
    // Some reasons are codes the server writes itself (重办 after a dissatisfied visit).
    for (const key of textKeys)
      if (typeof data[key] === "string") {
        const value = data[key] as string;
        parts.push(/^[a-z_]+$/.test(value) ? t(`code.${value}`, value) : value);
      }
    // A follow-up call that found no one counts towards closing as "customer unreachable".
    if (event.type === "contact" && typeof data.outcome === "string")
      parts.unshift(t(`code.${data.outcome}`));
    if (typeof data.departmentName === "string") parts.unshift(data.departmentName);
    // A linked 8D is named as its board shows it: 8D-2026-0001 X200 外壳开裂.
    if (typeof data.number === "string" && typeof data.title === "string")
      parts.unshift(`${data.number} ${data.title}`);
    // A service incident (服务公告) the case was filed under, by its title.
    else if (event.type === "incident_linked" && typeof data.title === "string")
      parts.unshift(data.title);
    // The deadline sweep names both owners of a reassignment and the watcher it added.
    const person = (p: unknown) => {
      const { name, agentNo } = (p ?? {}) as { name?: string; agentNo?: string };
      return name ? `${name}${agentNo ? ` (${t("app.agentNo", { no: agentNo })})` : ""}` : "—";
    };
    if (data.to && typeof data.to === "object")
      parts.unshift(`${person(data.from)} → ${person(data.to)}`);
    if (data.watcher && typeof data.watcher === "object") parts.unshift(person(data.watcher));
    if (Array.isArray(data.departments))
      parts.unshift(
        (data.departments as { name?: string; lead?: boolean }[])
          .map((d) => `${d.name ?? ""}${d.lead ? `(${t("field.lead")})` : ""}`)
          .join("、"),
      );
    return parts.join(" · ");
  };
}

/** Memoised: the case page re-renders on every refresh, the timeline only when it grew. */
export const TimelinePanel = memo(function TimelinePanel({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const summary = useEventSummary();
  return (
    <Card size="small" title={t("complaint.timeline")}>
      <Timeline
        items={[...events].reverse().map((event) => ({
          key: event.id,
          color: event.customerVisible ? "green" : "blue",
          content: (
            <div data-testid="timeline-event">
              <Typography.Text strong>{t(`event.${event.type}`, event.type)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {formatTime(event.at)} · {event.actor.name ?? "—"}
                {event.actor.agentNo ? ` (${t("app.agentNo", { no: event.actor.agentNo })})` : ""}
              </Typography.Text>
              <div>{summary(event)}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
});
