// The seed documents' own stories, told through kesu the way the domain brief says they should
// have gone: one record, one owner, agent numbers on every step, callbacks as promises with due
// times, and departments working on the same case instead of asking the customer again.

import type { ComplaintPlan } from "../demo-plan.js";
import { atmStory } from "./atm-story.js";
import { creditCardStory } from "./credit-card-story.js";
import { meterStory } from "./meter-story.js";
import { productStory } from "./product-story.js";

export const seedStories: readonly ComplaintPlan[] = [
  creditCardStory,
  atmStory,
  meterStory,
  productStory,
];
