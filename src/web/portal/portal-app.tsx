import { type FormEvent, useState } from "react";
import { PortalError, portalPost, type Tracked, uploadAll } from "./portal-api.js";
import { PortalIncidents } from "./portal-incidents.js";
import { type PortalLocale, portalWords, type Words } from "./portal-words.js";

const storedLocale = (): PortalLocale =>
  navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";

/** The customer portal: file a complaint with an SMS-verified phone, or track one. */
export function Portal() {
  const [locale, setLocale] = useState<PortalLocale>(storedLocale);
  const [tab, setTab] = useState<"file" | "track">("file");
  const w = portalWords[locale];
  return (
    <main className="portal" lang={locale}>
      <header>
        <h1>{w.title}</h1>
        <button type="button" onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}>
          {w.language}
        </button>
      </header>
      <PortalIncidents locale={locale} />
      <div className="tabs">
        {(["file", "track"] as const).map((t) => (
          <button key={t} type="button" aria-pressed={tab === t} onClick={() => setTab(t)}>
            {w[t]}
          </button>
        ))}
      </div>
      {tab === "file" ? <FileForm w={w} locale={locale} /> : <TrackForm w={w} locale={locale} />}
    </main>
  );
}

interface Props {
  w: Words;
  locale: PortalLocale;
}

/** Runs a request, showing the server's refusal in the customer's language. */
function useRequest() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof PortalError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

const field = (form: HTMLFormElement, name: string) =>
  ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "").trim();
const filesOf = (form: HTMLFormElement) => [
  ...((form.elements.namedItem("files") as HTMLInputElement).files ?? []),
];

function FileForm({ w, locale }: Props) {
  const { error, busy, run } = useRequest();
  const [phone, setPhone] = useState("");
  const [codeSent, setCodeSent] = useState(false);
  const [filed, setFiled] = useState<{ number: string; accessCode: string } | null>(null);
  if (filed)
    return (
      <section className="card" aria-live="polite">
        <h2>{w.filed}</h2>
        <dl>
          <dt>{w.number}</dt>
          <dd data-testid="number">{filed.number}</dd>
          <dt>{w.accessCode}</dt>
          <dd data-testid="access-code">{filed.accessCode}</dd>
        </dl>
        <p className="note">{w.keep}</p>
      </section>
    );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void run(async () => {
      const answer = await portalPost<{ number: string; accessCode: string }>(
        "complaints",
        {
          phone,
          code: field(form, "code"),
          name: field(form, "name"),
          subject: field(form, "subject"),
          description: field(form, "description"),
          ...(field(form, "demand") && { demand: field(form, "demand") }),
        },
        locale,
      );
      await uploadAll(filesOf(form), { ...answer, phone }, locale);
      setFiled(answer);
    });
  };
  return (
    <form onSubmit={submit}>
      <label htmlFor="phone">{w.phone}</label>
      <div className="row">
        <input
          id="phone"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
        />
        <button
          type="button"
          disabled={busy || phone.length < 11}
          onClick={() =>
            run(async () => {
              await portalPost("codes", { phone }, locale);
              setCodeSent(true);
            })
          }
        >
          {w.getCode}
        </button>
      </div>
      {codeSent && <p className="note">{w.codeSent}</p>}
      <label htmlFor="code">{w.code}</label>
      <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
      <label htmlFor="name">{w.name}</label>
      <input id="name" name="name" maxLength={100} required />
      <label htmlFor="subject">{w.subject}</label>
      <input id="subject" name="subject" maxLength={200} required />
      <label htmlFor="description">{w.description}</label>
      <textarea id="description" name="description" maxLength={2000} required />
      <label htmlFor="demand">{w.demand}</label>
      <textarea id="demand" name="demand" maxLength={2000} />
      <label htmlFor="files">{w.files}</label>
      <input id="files" name="files" type="file" multiple />
      {error && <p className="error">{error}</p>}
      <button className="primary submit" type="submit" disabled={busy}>
        {w.submit}
      </button>
    </form>
  );
}

function TrackForm({ w, locale }: Props) {
  const { error, busy, run } = useRequest();
  const [proof, setProof] = useState({ number: "", phone: "", accessCode: "" });
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const set = (key: keyof typeof proof) => (e: { target: { value: string } }) =>
    setProof({ ...proof, [key]: e.target.value.trim() });
  const find = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setTracked(await portalPost<Tracked>("track", proof, locale)));
  };
  return (
    <>
      <form onSubmit={find}>
        <label htmlFor="number">{w.number}</label>
        <input id="number" value={proof.number} onChange={set("number")} required />
        <label htmlFor="track-phone">{w.phone}</label>
        <input id="track-phone" inputMode="tel" value={proof.phone} onChange={set("phone")} />
        <label htmlFor="access-code">{w.accessCode}</label>
        <input id="access-code" value={proof.accessCode} onChange={set("accessCode")} required />
        {error && <p className="error">{error}</p>}
        <button className="primary submit" type="submit" disabled={busy}>
          {w.find}
        </button>
      </form>
      {tracked && (
        <CaseView
          w={w}
          locale={locale}
          tracked={tracked}
          onAdd={(form) =>
            run(async () => {
              const text = field(form, "text");
              if (text)
                setTracked(await portalPost<Tracked>("information", { ...proof, text }, locale));
              await uploadAll(filesOf(form), proof, locale);
              form.reset();
            })
          }
        />
      )}
    </>
  );
}

function CaseView({
  w,
  locale,
  tracked,
  onAdd,
}: Props & { tracked: Tracked; onAdd: (form: HTMLFormElement) => void }) {
  const when = (at: string) =>
    new Date(at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-live="polite">
      <div className="card">
        <dl>
          <dt>{w.number}</dt>
          <dd>{tracked.number}</dd>
          <dt>{w.stage}</dt>
          <dd data-testid="stage">{w.stages[tracked.stage] ?? tracked.stage}</dd>
          <dt>{w.received}</dt>
          <dd>{when(tracked.receivedAt)}</dd>
          <dt>{w.due}</dt>
          <dd>{when(tracked.dueAt)}</dd>
          <dt>{w.agent}</dt>
          <dd>{tracked.ownerAgentNo ?? "—"}</dd>
        </dl>
      </div>
      <Listed title={w.replies} items={tracked.replies.map((r) => [r.at, r.message])} when={when} />
      <Listed title={w.messages} items={tracked.messages.map((m) => [m.at, m.text])} when={when} />
      <Listed
        title={w.progress}
        items={tracked.progress.map((p) => [p.at, w.steps[p.step] ?? p.step])}
        when={when}
      />
      <Listed title={w.yours} items={tracked.additions.map((a) => [a.at, a.text])} when={when} />
      {tracked.open && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            onAdd(e.currentTarget);
          }}
        >
          <label htmlFor="text">{w.add}</label>
          <textarea id="text" name="text" maxLength={2000} />
          <label htmlFor="add-files">{w.files}</label>
          <input id="add-files" name="files" type="file" multiple />
          <button className="primary submit" type="submit">
            {w.send}
          </button>
        </form>
      )}
    </section>
  );
}

function Listed({
  title,
  items,
  when,
}: {
  title: string;
  items: [string | Date, string][];
  when: (at: string) => string;
}) {
  if (items.length === 0) return null;
  return (
    <div className="card">
      <h2>{title}</h2>
      <ul>
        {items.map(([at, text]) => (
          <li key={`${String(at)}${text}`}>
            <span className="note">{when(String(at))}</span> {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
