import { Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** One shared minute tick: a queue of 50 rows must not run 50 timers. */
const listeners = new Set<() => void>();
setInterval(() => {
  for (const listener of listeners) listener();
}, 60_000);

function useMinuteTick() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

function span(minutes: number, language: string) {
  const m = Math.abs(minutes);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (language === "en") return d ? `${d}d ${h}h` : h ? `${h}h ${min}m` : `${min}m`;
  return d ? `${d}天${h}小时` : h ? `${h}小时${min}分` : `${min}分钟`;
}

export function Countdown({ dueAt }: { dueAt: string | null }) {
  const { t, i18n } = useTranslation();
  useMinuteTick();
  if (!dueAt) return <Typography.Text type="secondary">{t("queue.noDue")}</Typography.Text>;
  const minutes = dayjs(dueAt).diff(dayjs(), "minute");
  const time = span(minutes, i18n.language);
  return minutes < 0 ? (
    <Typography.Text type="danger" strong data-overdue="true">
      {t("queue.overdue", { time })}
    </Typography.Text>
  ) : (
    <Typography.Text type={minutes < 240 ? "warning" : undefined}>
      {t("queue.dueIn", { time })}
    </Typography.Text>
  );
}
