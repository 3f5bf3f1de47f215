import type { FormInstance, InputRef } from "antd";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { Caller } from "./caller-panel";
import type { useIdentifierLookup } from "./use-identifier-lookup";

/** Where the cursor is to go, and for which caller (none: a new customer). */
export interface MoveTarget {
  field: "subject" | "name";
  customerId?: string;
}

/**
 * Where the cursor goes once the caller is known, so the agent never stops on the fields that
 * hold defaults (kind, channel, severity, source; Shift+Tab reaches them): a caller on record goes
 * to 主题, nothing found to the new customer's name, several matches stay for the agent to choose.
 * It moves when the answer for a whole identifier (a mobile, an ID, a case number) arrives, or
 * for anything after Enter — and only if the cursor is still in the box: a person who has moved
 * on is never pulled back.
 */
export function useAdvanceToForm(
  box: ReturnType<typeof useIdentifierLookup>,
  boxInput: RefObject<InputRef | null>,
  moveTo: (target: MoveTarget) => void,
) {
  const entered = useRef(false);
  // Each answer moves the cursor once: coming back to the box later is not pulled away again.
  const movedFor = useRef<unknown>(null);
  const answer = box.answered;

  function moveOn(customers: readonly { id: string }[]) {
    entered.current = false;
    if (document.activeElement !== boxInput.current?.input) return;
    if (customers.length === 1) moveTo({ field: "subject", customerId: customers[0]?.id });
    else if (customers.length === 0) moveTo({ field: "name" });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text in the box is a new answer to move for
  useEffect(() => {
    movedFor.current = null;
  }, [box.input]);

  useEffect(() => {
    if (!answer || movedFor.current === answer || !(entered.current || box.complete)) return;
    movedFor.current = answer;
    moveOn(answer.customers);
  });

  /** Enter in the box: look up now and move on with the answer (at once if nothing to ask). */
  return function onEnter() {
    if (answer) moveOn(answer.customers);
    else if (!box.asksServer()) moveOn([]);
    else {
      entered.current = true;
      box.settleNow();
    }
  };
}

/**
 * Moves the cursor once the form shows the caller it was meant for. The form learns the caller in
 * a transition, after the history; focusing before that would let a quick Shift+Tab land on the
 * new-customer fields that are about to go.
 */
export function useFocusForCaller<Values>(form: FormInstance<Values>, caller: Caller) {
  const [target, setTarget] = useState<MoveTarget | null>(null);
  useEffect(() => {
    if (!target || caller.customer?.id !== target.customerId) return;
    form.focusField(target.field as never);
    setTarget(null);
  }, [target, caller, form]);
  return useCallback((next: MoveTarget) => setTarget(next), []);
}
