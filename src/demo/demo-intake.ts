// How a generated case comes in: the first call's record, as the agent takes it.

import { add, type Case, say } from "./demo-case.js";
import { callbackNotes, feelings, intakeNotes } from "./demo-phrases.js";
import type { DemoIntake } from "./demo-plan.js";

const severities = [
  ["low", 15],
  ["normal", 60],
  ["high", 20],
  ["critical", 5],
] as const;
const mentalities = ["venting", "authority", "gain", "attention"] as const;

/** 咨询 an agent answers on the spot. */
export function questionIntake(c: Case): DemoIntake {
  const subject = say(c, c.rng.pick(c.theme.inquiries));
  return {
    kind: "inquiry",
    channel: c.rng.weighted(c.theme.channels),
    subject,
    description: `客户来电${subject}，坐席按知识库解答。`,
    category: c.theme.category,
    businessType: c.theme.businessType,
    causes: [],
    severity: "low",
  };
}

/** Who or what the customer complains about: a branch or power station, a person, a product. */
function complainedAbout(c: Case): Partial<DemoIntake> {
  const { rng, theme, vars } = c;
  const place = theme.sector === "bank" ? vars.branch : vars.station;
  return {
    ...(theme.sector !== "product" && rng.chance(0.6) && { complainedBranch: String(place) }),
    ...(theme.complainedEmployees &&
      rng.chance(0.4) && { complainedEmployee: rng.pick(theme.complainedEmployees) }),
    ...(theme.sector === "product" && { complainedProduct: String(vars.product) }),
  };
}

/** The complaint as the agent records it; an inquiry here is one that will be upgraded. */
export function complaintIntake(c: Case, kind: "complaint" | "inquiry"): DemoIntake {
  const { rng, theme } = c;
  const demand = say(c, rng.pick(theme.demands));
  const amount = theme.demandAmount && rng.chance(0.35) ? theme.demandAmount : null;
  return {
    kind,
    channel: rng.weighted(theme.channels),
    subject: say(c, c.story.subject),
    description: `${say(c, c.story.situation + rng.pick(feelings))}客户诉求：${demand}。`,
    demand,
    ...(amount && { demandAmount: rng.int(amount[0], amount[1]) }),
    category: theme.category,
    businessType: theme.businessType,
    causes: rng.sample(theme.causes, rng.int(1, 3)),
    severity: rng.weighted(severities),
    ...(rng.chance(0.2) && { mentality: rng.pick(mentalities) }),
    ...complainedAbout(c),
  };
}

/** 上级转办: the hotline's own reference number and a deadline shorter than ours. */
export function asTransfer(c: Case, intake: DemoIntake): DemoIntake {
  const hotline = c.rng.pick(c.theme.hotlines);
  const mmdd = `${String(c.vars.month).padStart(2, "0")}${String(c.vars.day).padStart(2, "0")}`;
  return {
    ...intake,
    kind: "complaint",
    channel: "upper_level",
    transfer: {
      hotline,
      externalNo: `${hotline}-2026${mmdd}-${String(c.rng.int(1, 9999)).padStart(4, "0")}`,
      dueInDays: c.rng.int(2, 10),
    },
    severity: intake.severity === "low" || c.rng.chance(0.5) ? "high" : intake.severity,
  };
}

/** What happens during and right after the first call, while the intake agent still holds it. */
export function intakeExtras(c: Case) {
  if (c.rng.chance(0.25)) add(c, { by: c.intakeAgent, do: "note", text: c.rng.pick(intakeNotes) });
  if (c.rng.chance(0.2))
    add(c, {
      by: c.intakeAgent,
      do: "callback",
      dueInHours: c.rng.pick([4, 24, 48, 72]),
      note: c.rng.pick(callbackNotes),
    });
}
