/** 13800138000 → 138****8000: enough to confirm with the caller, not enough to misuse. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return `${phone.slice(0, 1)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 110101199003071234 → 110***********1234 (length kept, so the kind of document stays visible). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${"*".repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

/** Account, contract and meter numbers show their last four digits only. */
export function maskAccountNo(accountNo: string): string {
  if (accountNo.length <= 4) return "*".repeat(accountNo.length);
  return `${"*".repeat(accountNo.length - 4)}${accountNo.slice(-4)}`;
}
