import { DatePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";

const DAY = "YYYY-MM-DD";

/**
 * The days a report covers. Until a range is picked the server chooses: the month so far in the
 * center's time zone, which need not be the browser's.
 */
export function useReportRange() {
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  return { range, setRange, from: range?.[0].format(DAY), to: range?.[1].format(DAY) };
}

/** The range picked, or until then the one the server's answer (`report`) covers. */
export function ReportRangePicker({
  label,
  range,
  onChange,
  report,
}: {
  label: string;
  range: [Dayjs, Dayjs] | null;
  onChange: (range: [Dayjs, Dayjs]) => void;
  report: { from: string; to: string } | undefined;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      value={range ?? (report ? [dayjs(report.from), dayjs(report.to)] : null)}
      allowClear={false}
      onChange={(v) => v?.[0] && v[1] && onChange([v[0], v[1]])}
    />
  );
}
