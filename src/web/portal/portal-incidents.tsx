import { useEffect, useState } from "react";
import type { PublicIncident } from "../api/types.js";
import type { PortalLocale } from "./portal-words.js";

const words = {
  "zh-CN": { title: "服务公告", since: "自", until: "预计至" },
  en: { title: "Service notices", since: "Since", until: "expected until" },
} as const;

/**
 * 服务公告 (seed 000, the customer's right to know): what is out of service now, where, and what
 * to do, before the customer files a complaint about it. Nothing shown when there is none.
 */
export function PortalIncidents({ locale }: { locale: PortalLocale }) {
  const [items, setItems] = useState<PublicIncident[]>([]);
  useEffect(() => {
    void fetch("/api/v1/portal/incidents")
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((answer: { items: PublicIncident[] }) => setItems(answer.items))
      .catch(() => undefined);
  }, []);
  if (items.length === 0) return null;
  const w = words[locale];
  const when = (at: string) => new Date(at).toLocaleString(locale);
  return (
    <section className="card" aria-label={w.title} data-testid="portal-incidents">
      <h2>{w.title}</h2>
      {items.map((i) => (
        <article key={i.id}>
          <strong>{i.title}</strong> <span className="note">{i.location}</span>
          <p>{i.customerWording}</p>
          <p className="note">
            {w.since} {when(i.startsAt)}
            {i.endsAt ? ` · ${w.until} ${when(i.endsAt)}` : ""}
          </p>
        </article>
      ))}
    </section>
  );
}
