import type { FormInstance, InputRef } from "antd";
import { type RefObject, useEffect, useRef } from "react";
import type { useIdentifierLookup } from "./use-identifier-lookup";

/**
 * Where the cursor goes once the caller is known, so the agent never stops on the fields that
 * hold defaults (kind, channel, severity, source; Shift+Tab reaches them): a caller on record goes
 * to 主题, nothing found to the new customer's name, several matches stay for the agent to choose.
 * It moves when the answer for a whole identifier (a mobile, an ID, a case number) arrives, or
 * for anything after Enter — and only if the cursor is still in the box: a person who has moved
 * on is never pulled back.
 */
export function useAdvanceToForm<Values>(
  box: ReturnType<typeof useIdentifierLookup>,
  boxInput: RefObject<InputRef | null>,
  form: FormInstance<Values>,
) {
  const entered = useRef(false);
  // Each answer moves the cursor once: coming back to the box later is not pulled away again.
  const movedFor = useRef<unknown>(null);
  const answer = box.answered;

  function moveOn(found: number) {
    entered.current = false;
    if (document.activeElement !== boxInput.current?.input) return;
    if (found === 1) form.focusField("subject" as never);
    else if (found === 0) form.focusField("name" as never);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text in the box is a new answer to move for
  useEffect(() => {
    movedFor.current = null;
  }, [box.input]);

  useEffect(() => {
    if (!answer || movedFor.current === answer || !(entered.current || box.complete)) return;
    movedFor.current = answer;
    moveOn(answer.customers.length);
  });

  /** Enter in the box: look up now and move on with the answer (at once if nothing to ask). */
  return function onEnter() {
    if (answer) moveOn(answer.customers.length);
    else if (!box.asksServer()) moveOn(0);
    else {
      entered.current = true;
      box.settleNow();
    }
  };
}
