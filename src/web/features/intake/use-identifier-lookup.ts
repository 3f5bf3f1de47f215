import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type IdentifierReading, readIdentifier } from "../../../domain/customer/identifier";
import { isMobile } from "../../../domain/customer/phone";
import { api } from "../../api/client";
import type { IdentifierLookup } from "../../api/types";

const TYPING_PAUSE_MS = 250;

/**
 * A whole mobile, a valid ID or a case number is looked up the moment its last character is
 * typed; anything else after a short pause in typing, since it may still be growing.
 */
function isComplete(readings: IdentifierReading[]): boolean {
  const first = readings[0];
  if (!first) return false;
  if (first.kind === "phone") return isMobile(first.value);
  return ["id_number", "complaint_number", "quality_case_number"].includes(first.kind);
}

/** Worth asking the server: enough digits for a number, a name, an email or a case number. */
function isLookupWorthy(readings: IdentifierReading[], input: string): boolean {
  const first = readings[0];
  if (!first) return false;
  if (first.kind === "name") return input.trim().length >= 2;
  if (first.kind === "phone" || first.kind === "account")
    return input.replace(/\D/g, "").length >= 5;
  return first.kind !== "external_number" || input.trim().length >= 5;
}

/**
 * The intake box: what the agent typed, how it reads (so a new customer's fields can be filled
 * from it) and the server's one lookup (GET /lookup), kept in the query cache for the form.
 */
export function useIdentifierLookup(initial = "") {
  // A screen-pop opens the page with the caller's number already typed and looked up.
  const [input, setInput] = useState(initial);
  const [settled, setSettled] = useState(initial.trim());
  const readings = readIdentifier(settled);
  const client = useQueryClient();

  useEffect(() => {
    const typed = input.trim();
    if (isComplete(readIdentifier(typed))) {
      setSettled(typed);
      return;
    }
    const timer = setTimeout(() => setSettled(typed), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const lookup = useQuery({ ...lookupQuery(settled), enabled: isLookupWorthy(readings, settled) });

  /**
   * The agent typed: a whole identifier is asked for from the keystroke itself, before React
   * renders anything, since the history is what the agent waits for.
   */
  function type(text: string) {
    setInput(text);
    const typed = text.trim();
    const read = readIdentifier(typed);
    const phone = read[0]?.kind === "phone" ? read[0].value : "";
    if (MOBILE_BUT_ONE.test(phone)) void client.prefetchQuery(endingsQuery(phone));
    if (!isComplete(read)) return;
    setSettled(typed);
    if (!isLookupWorthy(read, typed)) return;
    // The caller the last digit names, from the answer asked while it was typed (or when that
    // arrives, if first); the whole number's own answer (it may be an account too) replaces it.
    const exact = lookupQuery(typed).queryKey;
    const seed = (ahead: IdentifierLookup) => {
      const named = ahead.customers.filter((c) => c.phone === phone);
      if (named.length > 0 && !client.getQueryData(exact))
        client.setQueryData(exact, { ...ahead, customers: named });
    };
    const ahead = endingsQuery(phone.slice(0, -1));
    if (isMobile(phone) && client.getQueryState(ahead.queryKey))
      client.ensureQueryData(ahead).then(seed, () => {});
    void client.prefetchQuery(lookupQuery(typed));
  }

  return {
    input,
    setInput: type,
    settled,
    /** Looks up what is typed now (Enter), without waiting for the pause. */
    settleNow: () => setSettled(input.trim()),
    readings,
    lookup,
    /** The lookup's answer is about what the box holds now, and the server has been asked. */
    answered:
      settled === input.trim() && lookup.data !== undefined && !lookup.isFetching
        ? lookup.data
        : undefined,
    /** What the box holds is a whole identifier: nothing more will be typed. */
    complete: isComplete(readings),
    /** Whether what the box holds now is worth asking the server about. */
    asksServer: () => isLookupWorthy(readIdentifier(input.trim()), input.trim()),
  };
}

const lookupQuery = (q: string) => ({
  queryKey: ["lookup", q],
  queryFn: () => api.get<IdentifierLookup>(`/lookup?q=${encodeURIComponent(q)}`),
});

/** A mainland mobile short of its last digit. */
const MOBILE_BUT_ONE = /^1[3-9]\d{8}$/;

/** The callers whose mobile begins with the ten digits typed (GET /lookup?completing=true). */
const endingsQuery = (start: string) => ({
  queryKey: ["lookup-endings", start],
  queryFn: () => api.get<IdentifierLookup>(`/lookup?q=${start}&completing=true`),
  staleTime: 30_000,
});

/** A new customer's identifiers as the box read them: a number that may be a phone goes there. */
export function newCustomerFields(readings: IdentifierReading[]) {
  const value = (kind: IdentifierReading["kind"]) => readings.find((r) => r.kind === kind)?.value;
  const phone = value("phone");
  return {
    phone: phone ?? "",
    idNumber: value("id_number") ?? null,
    accountNo: phone ? null : (value("account") ?? null),
    email: value("email") ?? null,
  };
}
