/** Masks a phone number as 138****5678 (keeps the first 3 and last 4 digits). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Keeps the province/city part of an address and hides the rest: "浙江省杭州市****". */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const cityEnd = address.indexOf('市');
  const kept = cityEnd > 0 && cityEnd < 12 ? address.slice(0, cityEnd + 1) : [...address].slice(0, 3).join('');
  return `${kept}****`;
}

/** Shows only the family name: "张**". */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
