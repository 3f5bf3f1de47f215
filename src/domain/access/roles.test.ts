import { describe, expect, it } from "vitest";
import {
  canCreateComplaints,
  canIssueApiTokens,
  canLookUpCustomers,
  canManageStaff,
  canSeePersonalData,
  identifierSearch,
  type Role,
  roles,
} from "./roles.js";

type Abilities = {
  personalData: boolean;
  manageStaff: boolean;
  lookUpCustomers: boolean;
  createComplaints: boolean;
  apiTokens: boolean;
  identifiers: "any_part" | "whole_number" | "none";
};

const expected: Record<Role, Abilities> = {
  agent: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
    identifiers: "any_part",
  },
  specialist: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
    identifiers: "any_part",
  },
  department_handler: {
    personalData: false,
    manageStaff: false,
    lookUpCustomers: false,
    createComplaints: false,
    apiTokens: true,
    identifiers: "none",
  },
  supervisor: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
    identifiers: "any_part",
  },
  quality: {
    personalData: false,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: false,
    apiTokens: true,
    identifiers: "whole_number",
  },
  admin: {
    personalData: true,
    manageStaff: true,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
    identifiers: "any_part",
  },
};

describe("role abilities", () => {
  it.each(roles.map((role) => ({ role, ...expected[role] })))(
    "$role: personal data $personalData, staff $manageStaff, customers $lookUpCustomers, create $createComplaints, tokens $apiTokens, identifiers $identifiers",
    ({
      role,
      personalData,
      manageStaff,
      lookUpCustomers,
      createComplaints,
      apiTokens,
      identifiers,
    }) => {
      expect(canSeePersonalData(role)).toBe(personalData);
      expect(canManageStaff(role)).toBe(manageStaff);
      expect(canLookUpCustomers(role)).toBe(lookUpCustomers);
      expect(canCreateComplaints(role)).toBe(createComplaints);
      expect(canIssueApiTokens(role)).toBe(apiTokens);
      expect(identifierSearch(role)).toBe(identifiers);
    },
  );
});
