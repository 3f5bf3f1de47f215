import type { customers } from "../../db/schema.js";
import { maskAccountNo, maskIdNumber, maskPhone } from "../../domain/customer/masking.js";
import type { CustomerDto } from "./customer.schemas.js";

const maskedOrNot = (value: string | null, mask: (v: string) => string, masked: boolean) =>
  value === null || !masked ? value : mask(value);

export function presentCustomer(
  row: typeof customers.$inferSelect,
  seePersonalData: boolean,
): CustomerDto {
  const masked = !seePersonalData;
  return {
    id: row.id,
    name: row.name,
    phone: maskedOrNot(row.phone, maskPhone, masked),
    idNumber: maskedOrNot(row.idNumber, maskIdNumber, masked),
    accountNo: maskedOrNot(row.accountNo, maskAccountNo, masked),
    // Contacts go with the identity: hidden, like the address, from roles that work on the problem only.
    email: masked ? null : row.email,
    address: masked ? null : row.address,
    locale: row.locale as CustomerDto["locale"],
    masked,
    version: row.version,
    createdAt: row.createdAt,
  };
}
