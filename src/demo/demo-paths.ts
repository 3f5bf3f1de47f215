// The paths a generated case takes to its final lifecycle state, as the real rules allow, with the
// detours real cases take (退单, 重办, callbacks, repeat calls, escalation).

import type { ComplaintStatus, Satisfaction } from "../domain/complaint/complaint-lifecycle.js";
import { add, type Case, driverOf, say } from "./demo-case.js";
import { intakeExtras } from "./demo-intake.js";
import * as phrases from "./demo-phrases.js";
import { handlerOf, usernamesByRole } from "./demo-staff.js";
import { coHandlerResults, redressRoutes } from "./demo-themes.js";

const supervisors = usernamesByRole("supervisor");
const qualityStaff = usernamesByRole("quality");

function chase(c: Case) {
  if (c.rng.chance(0.3))
    add(c, {
      by: c.otherAgent,
      do: "contact",
      direction: "inbound",
      channel: "phone",
      summary: say(c, c.rng.pick(phrases.chaseSummaries)),
    });
}

/** 首问负责 or a specialist taking the case, then whatever an owner does first. */
function takeOwnership(c: Case) {
  const roll = c.rng.next();
  c.ownAtIntake = roll < 0.45;
  if (c.ownAtIntake) c.driver = c.intakeAgent;
  else {
    const owner = roll < 0.8 ? c.specialist : c.otherAgent;
    add(c, { by: c.specialist, do: "assign", owner });
    c.driver = owner;
  }
  if (c.upgradeLater)
    add(c, { by: driverOf(c), do: "upgrade", reason: c.rng.pick(phrases.upgradeReasons) });
  if (c.transfer && c.rng.chance(0.35))
    add(c, { by: driverOf(c), do: "escalate", reason: c.rng.pick(phrases.escalateReasons) });
}

/** 退单 of a case sent to the wrong department first; the owner then re-dispatches. */
function misroute(c: Case) {
  const { code, reason } = c.theme.misrouted;
  add(c, { by: driverOf(c), do: "dispatch", departments: [{ code }] });
  if (c.rng.chance(0.3)) add(c, { by: handlerOf(code), do: "accept", department: code });
  add(c, { by: handlerOf(code), do: "return", department: code, reason });
}

function leadResult(c: Case) {
  const lead = c.theme.lead;
  const upheld = c.rng.chance(0.8);
  c.upheld = upheld;
  add(c, {
    by: handlerOf(lead),
    do: "result",
    department: lead,
    result: upheld ? say(c, c.story.result) : phrases.unfoundedResult,
    substantiated: upheld,
    responsibility: upheld
      ? c.rng.weighted([
          ["company", 8],
          ["third_party", 2],
        ] as const)
      : "customer",
  });
}

/** One round of 派单; `complete` runs it until every department has answered. */
function dispatchRound(c: Case, complete: boolean, firstRound: boolean) {
  const { rng, theme } = c;
  if (firstRound && rng.chance(0.15)) misroute(c);
  const coChoices = theme.coHandlers.filter((code) => code !== theme.misrouted.code);
  const co = coChoices.length > 0 && rng.chance(0.35) ? rng.pick(coChoices) : null;
  add(c, {
    by: driverOf(c),
    do: "dispatch",
    departments: [{ code: theme.lead, lead: true }, ...(co ? [{ code: co }] : [])],
    instructions: firstRound
      ? "请核实客户反映情况，在时限内反馈处理结果。"
      : "客户对上次处理不满意，请重新核查并提出解决方案。",
  });
  const leadAccepts = complete || rng.chance(0.5);
  if (leadAccepts) add(c, { by: handlerOf(theme.lead), do: "accept", department: theme.lead });
  if (co) coHandler(c, co, complete);
  if (complete) leadResult(c);
}

function coHandler(c: Case, co: string, complete: boolean) {
  const by = handlerOf(co);
  if (c.rng.chance(0.2)) {
    add(c, { by, do: "return", department: co, reason: c.rng.pick(phrases.coReturnReasons) });
    return;
  }
  if (!complete && c.rng.chance(0.5)) return;
  add(c, { by, do: "accept", department: co });
  if (complete)
    add(c, {
      by,
      do: "result",
      department: co,
      result: c.rng.pick(coHandlerResults),
      substantiated: true,
      responsibility: "company",
    });
}

function reply(c: Case) {
  const { rng, theme } = c;
  add(c, {
    by: driverOf(c),
    do: "reply",
    message: c.upheld ? say(c, rng.pick(theme.replies)) : phrases.unfoundedReply,
    ...(c.upheld && { remedy: rng.pick(theme.remedies) }),
    redressRoutes: redressRoutes[theme.sector],
  });
}

export function followUp(c: Case, satisfaction: Satisfaction) {
  // Never the owner: the center records follow-ups independently (服务设置, the default).
  const byQuality = c.rng.chance(0.7) || driverOf(c) === c.otherAgent;
  const by = byQuality ? c.rng.pick(qualityStaff) : c.otherAgent;
  const comment =
    satisfaction === "dissatisfied"
      ? c.rng.pick(phrases.dissatisfiedComments)
      : c.rng.pick(phrases.satisfiedComments[satisfaction]);
  add(c, { by, do: "follow-up", satisfaction, comment });
}

/** A follow-up that finds the customer content, mostly fully. */
const pleased = (c: Case) =>
  c.rng.weighted([
    ["satisfied", 3],
    ["basically_satisfied", 1],
  ] as const);

/** Owned, investigated by the departments, answered. */
function handledAndReplied(c: Case) {
  takeOwnership(c);
  chase(c);
  dispatchRound(c, true, true);
  if (c.rng.chance(0.3))
    add(c, {
      by: driverOf(c),
      do: "contact",
      direction: "outbound",
      channel: "phone",
      summary: c.rng.pick(phrases.progressCalls),
    });
  reply(c);
}

/** The owner's finding, as the lead department found (a case never dispatched is found ours). */
function finding(c: Case) {
  add(c, {
    by: driverOf(c),
    do: "update",
    changes: c.upheld
      ? {
          responsibility: "company",
          substantiated: true,
          findingNote: "经核查，投诉属实，系我方责任。",
        }
      : { responsibility: "customer", substantiated: false, findingNote: "经核查，投诉不属实。" },
  });
}

export function closeCase(c: Case) {
  finding(c);
  add(c, { by: driverOf(c), do: "close", reason: c.rng.pick(phrases.closeReasons) });
}

/** 重办 after a dissatisfied follow-up: a second round of departments, a new reply, a new visit. */
function secondRound(c: Case) {
  followUp(c, "dissatisfied");
  if (c.rng.chance(0.5))
    add(c, {
      by: c.rng.pick(supervisors),
      do: "note",
      text: "重办：请专员牵头重新核查，三日内答复。",
    });
  dispatchRound(c, true, false);
  reply(c);
  followUp(c, pleased(c));
}

/** 重办 of a case the customer was unhappy with, or one a supervisor reopens after closing. */
function reopenedPath(c: Case) {
  handledAndReplied(c);
  if (c.rng.chance(0.6)) {
    followUp(c, "dissatisfied");
    return;
  }
  followUp(c, pleased(c));
  closeCase(c);
  add(c, {
    by: c.rng.pick(supervisors),
    do: "reopen",
    reason: c.rng.pick(phrases.reopenAfterCloseReasons),
  });
}

/** Closed after a good visit, after an unreachable customer, or after a second round. */
function closedPath(c: Case) {
  handledAndReplied(c);
  const roll = c.rng.next();
  if (roll < 0.6) followUp(c, pleased(c));
  else if (roll < 0.75) {
    // The policy's three failed tries, each a logged call, before it may close unvisited.
    for (const _try of [1, 2, 3])
      add(c, {
        by: c.otherAgent,
        do: "contact",
        direction: "outbound",
        channel: "phone",
        summary: phrases.unreachableTry,
        outcome: "unreachable",
      });
    finding(c);
    add(c, {
      by: driverOf(c),
      do: "close",
      reason: phrases.unreachableClose,
      reasonCode: "customer_unreachable",
    });
    return;
  } else secondRound(c);
  closeCase(c);
}

/** The steps that take a freshly registered complaint to `target`. */
export function pathTo(c: Case, target: Exclude<ComplaintStatus, "merged">) {
  intakeExtras(c);
  switch (target) {
    case "received":
      c.upgradeLater = false;
      chase(c);
      return;
    case "assigned":
      takeOwnership(c);
      return;
    case "dispatched":
      takeOwnership(c);
      dispatchRound(c, false, true);
      chase(c);
      return;
    case "handled":
      takeOwnership(c);
      dispatchRound(c, true, true);
      return;
    case "replied":
      handledAndReplied(c);
      return;
    case "followed_up":
      handledAndReplied(c);
      followUp(c, pleased(c));
      return;
    case "reopened":
      reopenedPath(c);
      return;
    case "closed":
      closedPath(c);
      return;
    case "withdrawn":
      takeOwnership(c);
      if (c.rng.chance(0.4)) dispatchRound(c, false, true);
      add(c, { by: driverOf(c), do: "withdraw", reason: c.rng.pick(phrases.withdrawReasons) });
  }
}
