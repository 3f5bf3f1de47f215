import type { DemoStep } from "./demo-plan.js";
import type { Theme, ThemeCase } from "./demo-themes.js";
import type { Random } from "./seeded-random.js";
import { fill } from "./seeded-random.js";

/** Everything one generated complaint is built from. */
export interface Case {
  rng: Random;
  theme: Theme;
  /** What happened, and what the lead department finds. */
  story: ThemeCase;
  vars: Record<string, string | number>;
  intakeAgent: string;
  /** Another agent who happens to take the customer's next call. */
  otherAgent: string;
  specialist: string;
  steps: DemoStep[];
  /** The accountable owner once assigned; drives the case. */
  driver: string | null;
  /** 首问负责: the intake agent owns the case from the first call. */
  ownAtIntake: boolean;
  /** An inquiry that turns into a complaint once someone owns it. */
  upgradeLater: boolean;
  transfer: boolean;
  /** Whether the lead department's finding upheld the complaint, for the reply that follows. */
  upheld: boolean;
}

export const say = (c: Case, template: string) => fill(template, c.vars);
export const add = (c: Case, step: DemoStep) => c.steps.push(step);
export const driverOf = (c: Case) => c.driver ?? c.intakeAgent;
