import { type FormInstance, Input, type InputRef, Spin, Typography } from "antd";
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LookupMatch } from "../../api/types";
import { Card } from "../../components/card";
import { CallerRisk } from "./caller-risk";
import { CustomerHistoryPanel } from "./customer-history";
import { LookupMatches, MatchedBy } from "./lookup-matches";
import { type MoveTarget, useAdvanceToForm } from "./use-advance-to-form";
import { useIdentifierLookup } from "./use-identifier-lookup";
import { useSimilarOpenCase } from "./use-similar-case";

/** Who is calling, as the intake form needs it. */
export interface Caller {
  /** The one match, or the one the agent chose among several. */
  customer?: LookupMatch;
  /** Several callers match and none is chosen yet: the form must not guess. */
  undecided: boolean;
  /** What the box was looked up as: a new customer's phone, ID, account or email. */
  settled: string;
}

/**
 * The intake's left side: the box and the caller's history. Its own component, so a keystroke in
 * the box renders only this side and never the form; the form learns the caller in a transition,
 * after the history is on screen (the agent waits for the history, not for the form).
 */
export const CallerPanel = memo(function CallerPanel({
  form,
  initial,
  onCaller,
  moveTo,
}: {
  form: FormInstance;
  /** A screen-pop's number, looked up as the page opens. */
  initial: string;
  onCaller: (caller: Caller) => void;
  /** Where the cursor goes once the caller is known (the form moves it when it shows them). */
  moveTo: (target: MoveTarget) => void;
}) {
  const { t } = useTranslation();
  const box = useIdentifierLookup(initial);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const boxInput = useRef<InputRef>(null);
  const matches = box.lookup.data?.customers ?? [];
  // One match is the caller; among several the agent chooses (a new lookup starts over).
  const customer = matches.length === 1 ? matches[0] : matches.find((m) => m.id === chosenId);
  const undecided = matches.length > 1 && !customer;
  const onEnterInBox = useAdvanceToForm(box, boxInput, moveTo);
  const proposedId = useSimilarOpenCase(form, customer);
  const typedSoFar = useCallback(
    () =>
      [form.getFieldValue("subject"), form.getFieldValue("description")].filter(Boolean).join("："),
    [form],
  );
  const matchedBy = useMemo(() => customer && <MatchedBy kind={customer.matchedBy} />, [customer]);

  useEffect(() => {
    startTransition(() => onCaller({ customer, undecided, settled: box.settled }));
  }, [customer, undecided, box.settled, onCaller]);

  return (
    <Card title={t("intake.title")} size="small">
      <Input.Search
        ref={boxInput}
        autoFocus
        size="large"
        placeholder={t("intake.lookup")}
        value={box.input}
        onChange={(e) => {
          box.setInput(e.target.value);
          setChosenId(null);
        }}
        // Enter looks up at once and moves on to the form with the answer (use-advance-to-form).
        onSearch={onEnterInBox}
        aria-label={t("intake.lookup")}
      />
      <Typography.Text type="secondary">{t("intake.lookupHint")}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {box.lookup.isFetching && <Spin />}
        {matches.length > 1 && (
          <LookupMatches matches={matches} chosenId={chosenId} onChoose={setChosenId} />
        )}
        {customer && <CallerRisk customer={customer} />}
        {customer && (
          <CustomerHistoryPanel
            customer={customer}
            extra={matchedBy}
            proposedId={proposedId}
            typedSoFar={typedSoFar}
          />
        )}
        {box.lookup.data && matches.length === 0 && (
          <Typography.Text>{t("intake.noHistory")}</Typography.Text>
        )}
      </div>
    </Card>
  );
});
