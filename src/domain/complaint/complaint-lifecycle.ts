// The complaint lifecycle (受理 → 派单 → 处理 → 答复 → 回访 → 办结, with 重办 on dissatisfaction)
// as pure data and functions, so the HTTP layer, the database layer and the UI agree on one rulebook.

/** 诉求类型: 咨询 / 投诉 / 求助 / 举报 / 建议. */
export const complaintKinds = ["inquiry", "complaint", "help", "report", "suggestion"] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

export const complaintStatuses = [
  "received",
  "assigned",
  "dispatched",
  "handled",
  "replied",
  "followed_up",
  "reopened",
  "closed",
  "withdrawn",
  "merged",
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const complaintCommands = [
  "assign",
  "dispatch",
  "reply",
  "follow-up",
  "close",
  "reopen",
  "escalate",
  "upgrade",
  "withdraw",
  "merge",
  "note",
  "contact",
  "callback",
] as const;
export type ComplaintCommand = (typeof complaintCommands)[number];

/** 满意 / 基本满意 / 不满意, as recorded at the follow-up visit (回访). */
export const satisfactionLevels = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

export interface LifecycleState {
  status: ComplaintStatus;
  kind: ComplaintKind;
}

export type TransitionCheck = { ok: true } | { ok: false; allowed: ComplaintCommand[] };

/** The statuses a case ends in: nobody works it any more (the queue, loads and counts leave it out). */
export const finishedStatuses: readonly ComplaintStatus[] = ["closed", "withdrawn", "merged"];

export function isOpen(status: ComplaintStatus): boolean {
  return !finishedStatuses.includes(status);
}

type Rule = {
  allowedIn: (state: LifecycleState) => boolean;
  next: (state: LifecycleState, satisfaction?: Satisfaction) => ComplaintStatus;
};

const inStatuses =
  (...statuses: ComplaintStatus[]) =>
  (state: LifecycleState): boolean =>
    statuses.includes(state.status);

const whileOpen = (state: LifecycleState): boolean => isOpen(state.status);
const always = (): boolean => true;
const unchanged = (state: LifecycleState): ComplaintStatus => state.status;
const becomes = (status: ComplaintStatus) => (): ComplaintStatus => status;

const rules: Record<ComplaintCommand, Rule> = {
  // Taking ownership only moves a fresh case forward; later it just changes the owner.
  assign: {
    allowedIn: whileOpen,
    next: (state) => (state.status === "received" ? "assigned" : state.status),
  },
  // Re-dispatch is allowed at every working stage: after 退单, after a result that
  // needs more work, and after 重办.
  dispatch: {
    allowedIn: inStatuses("received", "assigned", "dispatched", "handled", "reopened"),
    next: becomes("dispatched"),
  },
  // Not while dispatched: departments are still working and the customer would get
  // a decision before the facts are in. From received = first-contact resolution.
  reply: {
    allowedIn: inStatuses("received", "assigned", "handled", "reopened"),
    next: becomes("replied"),
  },
  // 不满意 at the follow-up visit means 重办, not closure. A visit without a recorded
  // satisfaction (customer unreachable) is not a complaint about the result, so it does not reopen.
  "follow-up": {
    allowedIn: inStatuses("replied"),
    next: (_state, satisfaction) => (satisfaction === "dissatisfied" ? "reopened" : "followed_up"),
  },
  close: { allowedIn: inStatuses("replied", "followed_up"), next: becomes("closed") },
  // Withdrawn and closed cases can come back (e.g. 核查 review, customer changes their mind).
  reopen: {
    allowedIn: inStatuses("replied", "followed_up", "closed", "withdrawn"),
    next: becomes("reopened"),
  },
  escalate: { allowedIn: whileOpen, next: unchanged },
  // An inquiry that turned into a complaint keeps its history; already-complaints cannot upgrade.
  upgrade: {
    allowedIn: (state) => whileOpen(state) && state.kind !== "complaint",
    next: unchanged,
  },
  withdraw: { allowedIn: whileOpen, next: becomes("withdrawn") },
  merge: { allowedIn: whileOpen, next: becomes("merged") },
  // History is append-only and contacts keep coming after closure, so these are never blocked.
  note: { allowedIn: always, next: unchanged },
  contact: { allowedIn: always, next: unchanged },
  callback: { allowedIn: whileOpen, next: unchanged },
};

export function commandsAllowedInState(state: LifecycleState): ComplaintCommand[] {
  return complaintCommands.filter((command) => rules[command].allowedIn(state));
}

export function checkTransition(state: LifecycleState, command: ComplaintCommand): TransitionCheck {
  if (rules[command].allowedIn(state)) return { ok: true };
  return { ok: false, allowed: commandsAllowedInState(state) };
}

/** Throws: callers must check first, so reaching a forbidden transition is a bug. */
export function statusAfter(
  state: LifecycleState,
  command: ComplaintCommand,
  satisfaction?: Satisfaction,
): ComplaintStatus {
  const rule = rules[command];
  if (!rule.allowedIn(state)) {
    throw new Error(
      `command "${command}" is not allowed on a ${state.kind} in status "${state.status}"`,
    );
  }
  return rule.next(state, satisfaction);
}

/** 重办: the caller increments the complaint's reopen count when this is true. */
export function reopensCase(command: ComplaintCommand, satisfaction?: Satisfaction): boolean {
  return command === "reopen" || (command === "follow-up" && satisfaction === "dissatisfied");
}
