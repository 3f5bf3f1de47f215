import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { canCreateComplaints } from "../../../domain/access/roles";
import { api } from "../../api/client";
import type { Suggestions } from "../../api/types";
import { useUser } from "../session/session";

/** Suggestions follow the text once the agent pauses, not on every keystroke. */
const TYPING_PAUSE_MS = 300;
/** Fewer characters say too little to suggest from. */
const MIN_CHARS = 4;

/** The text the suggestions are asked for: the subject and description as one. */
export const suggestionText = (subject?: string, description?: string) =>
  [subject, description].filter(Boolean).join("。");

/**
 * What the model learned from closed cases suggests for the text typed so far (POST
 * /suggestions), asked after a pause in typing; the last answer stays on screen while the next
 * is asked, so the suggestions do not flicker.
 */
export function useSuggestions(text: string) {
  const user = useUser();
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return useQuery({
    queryKey: ["suggestions", settled],
    queryFn: () => api.post<Suggestions>("/suggestions", { text: settled }),
    enabled: canCreateComplaints(user.role) && settled.length >= MIN_CHARS,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
