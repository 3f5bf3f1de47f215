import { DatePicker, Segmented } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeriodKind } from "../../domain/kpi/report-period";
import { centerToday } from "../features/session/center-day";
import { codeOptions } from "../i18n/code-options";

/** A month, quarter or year, chosen by its kind and a day inside it; the center's today at first. */
export function usePeriodChoice(first: PeriodKind) {
  const [kind, setKind] = useState<PeriodKind>(first);
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs(centerToday()));
  return { kind, setKind, anchor, setAnchor, day: anchor.format("YYYY-MM-DD") };
}

export type PeriodChoice = ReturnType<typeof usePeriodChoice>;

/** The kinds in the order offered, then the picker of that kind (month, quarter or year). */
export function PeriodPicker({
  choice,
  kinds,
  kindLabel,
  dateLabel,
}: {
  choice: PeriodChoice;
  kinds: readonly PeriodKind[];
  kindLabel: string;
  dateLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Segmented<PeriodKind>
        aria-label={kindLabel}
        value={choice.kind}
        onChange={choice.setKind}
        options={codeOptions(t, "dashboard.periods", kinds)}
      />
      <DatePicker
        aria-label={dateLabel}
        picker={choice.kind}
        allowClear={false}
        value={choice.anchor}
        onChange={(d) => d && choice.setAnchor(d)}
      />
    </>
  );
}
