import { describe, expect, it } from "vitest";
import {
  areaKey,
  canLinkIncidents,
  canPublishIncidents,
  type IncidentScope,
  incidentMatches,
  isValidIncidentPeriod,
} from "./incident.js";

const now = new Date("2026-12-07T10:00:00Z");
const incident = (over: Partial<IncidentScope> = {}): IncidentScope => ({
  status: "live",
  startsAt: new Date("2026-12-07T08:00:00Z"),
  category: "service",
  businessType: "atm",
  area: "城东支行",
  ...over,
});
const call = { category: null, businessType: null, area: null };

describe("which incidents intake shows", () => {
  it("shows a live, started incident while the call names nothing yet", () => {
    expect(incidentMatches(incident(), call, now)).toBe(true);
    expect(incidentMatches(incident({ status: "resolved" }), call, now)).toBe(false);
    expect(
      incidentMatches(incident({ startsAt: new Date("2026-12-07T11:00:00Z") }), call, now),
    ).toBe(false);
  });

  it("narrows by category, business type and area as the agent chooses them", () => {
    expect(incidentMatches(incident(), { ...call, category: "service" }, now)).toBe(true);
    expect(incidentMatches(incident(), { ...call, category: "billing" }, now)).toBe(false);
    expect(incidentMatches(incident(), { ...call, businessType: "credit_card" }, now)).toBe(false);
    expect(incidentMatches(incident(), { ...call, area: " 城东 支行" }, now)).toBe(true);
    expect(incidentMatches(incident(), { ...call, area: "城西支行" }, now)).toBe(false);
    // An incident that names no category concerns every category.
    expect(
      incidentMatches(incident({ category: null }), { ...call, category: "billing" }, now),
    ).toBe(true);
  });

  it("keys areas as typed", () => {
    expect(areaKey("  Line 3 ")).toBe("line3");
    expect(areaKey("  ")).toBeNull();
    expect(areaKey(null)).toBeNull();
  });

  it("refuses a period that ends before it starts", () => {
    const startsAt = new Date("2026-12-07T08:00:00Z");
    expect(isValidIncidentPeriod({ startsAt, endsAt: null })).toBe(true);
    expect(isValidIncidentPeriod({ startsAt, endsAt: startsAt })).toBe(false);
    expect(isValidIncidentPeriod({ startsAt, endsAt: new Date("2026-12-07T09:00:00Z") })).toBe(
      true,
    );
  });

  it("lets supervisors and admins publish, those who take cases link", () => {
    expect(canPublishIncidents("supervisor")).toBe(true);
    expect(canPublishIncidents("agent")).toBe(false);
    expect(canLinkIncidents("agent")).toBe(true);
    expect(canLinkIncidents("quality")).toBe(false);
    expect(canLinkIncidents("department_handler")).toBe(false);
  });
});
