import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colors: Record<string, string> = {
  received: "blue",
  assigned: "geekblue",
  dispatched: "purple",
  handled: "cyan",
  replied: "gold",
  followed_up: "lime",
  reopened: "red",
  closed: "green",
  withdrawn: "default",
  merged: "default",
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={colors[status] ?? "default"}>{t(`status.${status}`, status)}</Tag>;
}

/** A flag's tag color: a repeat or an escalation stands out from the rest. */
export const flagColor = (flag: string) =>
  ["repeat", "escalated", "third_contact"].includes(flag) ? "volcano" : "orange";

export function FlagTags({ flags }: { flags: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={flagColor(flag)}>
          {t(`flag.${flag}`, flag)}
        </Tag>
      ))}
    </>
  );
}
