/**
 * An unsent reply is kept in this browser only: it survives a lost connection or a reload until
 * it is sent. (Guided-handling ticks are stored on the complaint, see guided-panel.tsx.)
 */
export const draftKey = (complaintId: string) => `kesu.draft.${complaintId}.reply`;
