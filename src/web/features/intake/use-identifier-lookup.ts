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
    if (!isComplete(read)) return;
    setSettled(typed);
    if (isLookupWorthy(read, typed)) void client.prefetchQuery(lookupQuery(typed));
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
