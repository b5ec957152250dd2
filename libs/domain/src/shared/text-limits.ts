/**
 * Longest free texts of the case commands, in characters. The API validates with these and the
 * web's fields stop typing at them, so a form never accepts what the API would refuse.
 */
export const CASE_TEXT_LIMITS = {
  contactNote: 1000,
  doNotContactReason: 500,
  revealReason: 300,
  triageReason: 500,
  remedyNote: 1000,
  compensationNote: 500,
  appealNote: 1000,
  appealResultNote: 1000,
  reopenReason: 500,
  actionsTaken: 2000,
  specialNotes: 1000,
} as const;
