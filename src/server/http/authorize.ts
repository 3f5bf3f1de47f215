import type { Decision } from "../../domain/access/decision.js";
import { forbidden } from "./app-error.js";

/** The one place a policy's refusal becomes the 403 problem document, its reason in words. */
export function authorize(decision: Decision): void {
  if (!decision.ok) throw forbidden(decision.reason);
}
