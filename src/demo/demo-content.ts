// Pure generation of the demo: the same seed always gives the same complaints and the same steps.
// Each complaint is aimed at a final lifecycle state and given a path there (demo-paths.ts).

import {
  type ComplaintStatus,
  complaintStatuses,
} from "../domain/complaint/complaint-lifecycle.js";
import { add, type Case } from "./demo-case.js";
import { asTransfer, complaintIntake, questionIntake } from "./demo-intake.js";
import { closeCase, followUp, pathTo } from "./demo-paths.js";
import { CustomerPool } from "./demo-people.js";
import type { ComplaintPlan } from "./demo-plan.js";
import { usernamesByRole } from "./demo-staff.js";
import { caseVars, type Theme, themes } from "./demo-themes.js";
import { type Random, seededRandom } from "./seeded-random.js";
import { seedStories } from "./stories/seed-stories.js";

export interface DemoOptions {
  complaints: number;
  seed: number;
}

/** Closed cases dominate a real center's history; every other state has a share. */
const statusWeights: readonly (readonly [ComplaintStatus, number])[] = [
  ["received", 6],
  ["assigned", 7],
  ["dispatched", 12],
  ["handled", 7],
  ["replied", 9],
  ["followed_up", 8],
  ["reopened", 6],
  ["closed", 35],
  ["withdrawn", 5],
  ["merged", 5],
];
// Merged first: it needs two slots, which the first rounds always have.
const coverageOrder: readonly ComplaintStatus[] = [
  "merged",
  ...complaintStatuses.filter((status) => status !== "merged"),
];

const agents = usernamesByRole("agent");
const specialists = usernamesByRole("specialist");

function newCase(rng: Random, theme: Theme): Case {
  const [intakeAgent, otherAgent] = rng.sample(agents, 2) as [string, string];
  return {
    rng,
    theme,
    story: rng.pick(theme.cases),
    vars: caseVars(rng),
    intakeAgent,
    otherAgent,
    specialist: rng.pick(specialists),
    steps: [],
    driver: null,
    ownAtIntake: false,
    upgradeLater: false,
    transfer: false,
    upheld: true,
  };
}

/** 咨询 answered on the spot: owned by the agent who took the call, replied, maybe visited and closed. */
function answeredInquiry(
  rng: Random,
  pool: CustomerPool,
  ref: string,
  target: ComplaintStatus,
): ComplaintPlan {
  const theme = rng.pick(themes);
  const c = newCase(rng, theme);
  const intake = questionIntake(c);
  c.driver = c.intakeAgent;
  add(c, {
    by: c.intakeAgent,
    do: "reply",
    message: `已为客户解答：${intake.subject.replace(/^咨询/, "")}的相关规定及办理方式，客户表示清楚。`,
  });
  if (target !== "replied") followUp(c, "satisfied");
  if (target === "closed") closeCase(c);
  return {
    ref,
    customer: pool.customerFor(theme.sector),
    intake: { by: c.intakeAgent, own: true, complaint: intake },
    steps: c.steps,
    expected: target,
  };
}

function complaintPlan(
  rng: Random,
  pool: CustomerPool,
  ref: string,
  target: Exclude<ComplaintStatus, "merged">,
): ComplaintPlan {
  if ((target === "replied" || target === "followed_up" || target === "closed") && rng.chance(0.12))
    return answeredInquiry(rng, pool, ref, target);
  const theme = rng.pick(themes);
  const c = newCase(rng, theme);
  c.upgradeLater = rng.chance(0.1);
  c.transfer = rng.chance(0.15);
  let intake = complaintIntake(c, c.upgradeLater ? "inquiry" : "complaint");
  if (c.transfer) {
    intake = asTransfer(c, intake);
    c.upgradeLater = false;
  }
  pathTo(c, target);
  return {
    ref,
    customer: pool.customerFor(theme.sector),
    intake: { by: c.intakeAgent, own: c.ownAtIntake, complaint: intake },
    steps: c.steps,
    expected: target,
  };
}

/** A repeat call about a case still open: registered, then merged into the first one. */
function mergedPair(rng: Random, pool: CustomerPool, ref: string): ComplaintPlan[] {
  const parent = complaintPlan(
    rng,
    pool,
    `${ref}-parent`,
    rng.pick(["assigned", "dispatched", "handled"] as const),
  );
  const by = rng.pick(agents.filter((a) => a !== parent.intake.by));
  const merger = rng.pick(specialists);
  const child: ComplaintPlan = {
    ref,
    customer: parent.customer,
    intake: {
      by,
      own: false,
      complaint: {
        ...parent.intake.complaint,
        kind: "complaint",
        channel: "phone",
        transfer: undefined,
        subject: `再次反映：${parent.intake.complaint.subject}`,
        description: `客户再次来电反映同一问题，称前次反映后至今未解决。${parent.intake.complaint.description}`,
      },
    },
    steps: [
      { by, do: "note", text: "客户历史记录中已有同一问题的在办工单，提交合并。" },
      { by: merger, do: "merge", into: parent.ref },
    ],
    expected: "merged",
  };
  return [parent, child];
}

/**
 * The seed documents' stories, then generated complaints up to `complaints` in all, covering every
 * lifecycle state before drawing the rest by weight.
 */
export function generateDemo({ complaints, seed }: DemoOptions): ComplaintPlan[] {
  const rng = seededRandom(seed);
  const pool = new CustomerPool(rng);
  const plans: ComplaintPlan[] = [...seedStories];
  for (let i = 0; plans.length < complaints; i++) {
    const target = coverageOrder[i] ?? rng.weighted(statusWeights);
    const ref = `demo-${i}`;
    if (target !== "merged") plans.push(complaintPlan(rng, pool, ref, target));
    else if (complaints - plans.length >= 2) plans.push(...mergedPair(rng, pool, ref));
  }
  return plans;
}
