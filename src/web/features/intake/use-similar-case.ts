import type { FormInstance } from "antd";
import { Form } from "antd";
import { useMemo } from "react";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle";
import { similarOpenCase } from "../../../domain/complaint/similar-open-case";
import type { CustomerHistory } from "../../api/types";
import { suggestionText, useSuggestions } from "./use-suggestions";

/**
 * The caller's open case the agent's new text most likely repeats (domain/complaint/
 * similar-open-case.ts): compared with the category chosen in the form, or else the one the
 * suggestions put first (the same request the suggestions panel makes, so asked once).
 */
export function useSimilarOpenCase(
  form: FormInstance,
  customer: CustomerHistory | undefined,
): string | null {
  const subject: string | undefined = Form.useWatch("subject", form);
  const description: string | undefined = Form.useWatch("description", form);
  const chosen: string | undefined = Form.useWatch("category", form);
  const text = suggestionText(subject, description);
  const suggested = useSuggestions(text).data?.category[0]?.id;
  const category = chosen ?? suggested;
  const complaints = customer?.complaints;
  return useMemo(() => {
    const open = (complaints ?? []).filter((c) => isOpen(c.status as never));
    return similarOpenCase(text, category, open)?.case.id ?? null;
  }, [text, category, complaints]);
}
