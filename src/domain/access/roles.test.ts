import { describe, expect, it } from "vitest";
import {
  canCreateComplaints,
  canIssueApiTokens,
  canLookUpCustomers,
  canManageStaff,
  canSeePersonalData,
  type Role,
  roles,
} from "./roles.js";

type Abilities = {
  personalData: boolean;
  manageStaff: boolean;
  lookUpCustomers: boolean;
  createComplaints: boolean;
  apiTokens: boolean;
};

const expected: Record<Role, Abilities> = {
  agent: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
  },
  specialist: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
  },
  department_handler: {
    personalData: false,
    manageStaff: false,
    lookUpCustomers: false,
    createComplaints: false,
    apiTokens: true,
  },
  supervisor: {
    personalData: true,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
  },
  quality: {
    personalData: false,
    manageStaff: false,
    lookUpCustomers: true,
    createComplaints: false,
    apiTokens: true,
  },
  admin: {
    personalData: true,
    manageStaff: true,
    lookUpCustomers: true,
    createComplaints: true,
    apiTokens: true,
  },
};

describe("role abilities", () => {
  it.each(roles.map((role) => ({ role, ...expected[role] })))(
    "$role: personal data $personalData, staff $manageStaff, customers $lookUpCustomers, create $createComplaints, tokens $apiTokens",
    ({ role, personalData, manageStaff, lookUpCustomers, createComplaints, apiTokens }) => {
      expect(canSeePersonalData(role)).toBe(personalData);
      expect(canManageStaff(role)).toBe(manageStaff);
      expect(canLookUpCustomers(role)).toBe(lookUpCustomers);
      expect(canCreateComplaints(role)).toBe(createComplaints);
      expect(canIssueApiTokens(role)).toBe(apiTokens);
    },
  );
});
