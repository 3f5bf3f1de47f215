import { Space, Tag, Typography } from "antd";
import { memo, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ClockGroup, type ClockLine, groupClocks } from "../../../domain/sla/clock-history";
import type { Clock, WorkOrder } from "../../api/types";
import { Card } from "../../components/card";
import { Countdown } from "../../components/countdown";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/format";

type PanelClock = Clock & { scope: string | null };

const outcomeColor = { paused: "orange", overdue: "red", met: "green", missed: "red" } as const;

/** How a clock stands: a countdown while it counts, else how it ended; and whether it was extended. */
function Outcome({ line }: { line: ClockLine<PanelClock> }) {
  const { t } = useTranslation();
  const { clock, outcome } = line;
  return (
    <>
      {outcome === "running" || outcome === "overdue" ? (
        <Countdown dueAt={clock.dueAt} />
      ) : (
        <Tag color={outcomeColor[outcome]} data-outcome={outcome}>
          {t(`sla.outcome.${outcome}`)}
        </Tag>
      )}
      {clock.extended && <Tag color="blue">{t("sla.extended")}</Tag>}
    </>
  );
}

/** One kind of clock: its current line, and its earlier rounds folded under it. */
function ClockKind({
  group,
  departmentName,
}: {
  group: ClockGroup<PanelClock>;
  departmentName: string | null;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { current, earlier, name } = group;
  return (
    <li data-testid={`clock-${name}`}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>
          {t(`sla.clock.${name}`, name)}
          {departmentName && ` · ${departmentName}`}
        </Typography.Text>
        <Typography.Text type="secondary">{formatTime(current.clock.dueAt)}</Typography.Text>
        <Outcome line={current} />
        {earlier.length > 0 && (
          <Typography.Link
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            data-testid="clock-earlier-toggle"
          >
            {open ? t("sla.hideEarlier") : t("sla.earlier", { count: earlier.length })}
          </Typography.Link>
        )}
      </Space>
      {open && (
        <ul className="plain-list clock-earlier">
          {earlier.map((line) => (
            <li key={line.clock.id} data-testid={`clock-earlier-${name}`}>
              <Space wrap size={[8, 4]}>
                <Typography.Text type="secondary">
                  {t("sla.round", { ordinal: line.ordinal })}
                </Typography.Text>
                <Typography.Text type="secondary">{formatTime(line.clock.dueAt)}</Typography.Text>
                <Outcome line={line} />
              </Space>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The case's statutory clocks, one line per kind (domain/sla/clock-history.ts): the one that
 * counts now first, with its countdown or how it ended; earlier rounds (a 重办's, an upgrade's,
 * a re-dispatch's) fold under it with theirs: met, missed, extended.
 */
export const ClocksPanel = memo(function ClocksPanel({
  clocks,
  workOrders,
}: {
  clocks: Clock[];
  workOrders: WorkOrder[];
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const departmentOf = new Map(workOrders.map((o) => [o.id, o.departmentId]));
    return groupClocks(
      clocks.map((clock) => ({
        ...clock,
        scope: clock.workOrderId ? (departmentOf.get(clock.workOrderId) ?? null) : null,
      })),
    );
  }, [clocks, workOrders]);
  const departmentName = (id: string | null) =>
    id ? (workOrders.find((o) => o.departmentId === id)?.departmentName ?? null) : null;
  return (
    <Card size="small" title={t("sla.title")}>
      <PlainList
        items={groups}
        empty={t("sla.none")}
        renderItem={(group) => (
          <ClockKind key={group.key} group={group} departmentName={departmentName(group.scope)} />
        )}
      />
    </Card>
  );
});
