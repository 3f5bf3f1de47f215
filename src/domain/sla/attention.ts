// Which open cases need a supervisor's eye now: a running deadline missed (breached) or past its
// warning share (warned), as the sweep has recorded on the clock. A stopped clock no longer
// counts, and an approved extension clears both marks until they fire again.

export const attentionLevels = ["breached", "warned"] as const;
export type AttentionLevel = (typeof attentionLevels)[number];
