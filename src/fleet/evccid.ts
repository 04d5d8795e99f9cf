/**
 * The ISO 15118 EVCCID (the EV's 6-byte MAC) in one canonical form, 12 upper-case hex digits, whether a charger sends
 * it as `VID:0A1B2C3D4E5F` (Autocharge in a 1.6 idTag), a 2.0.1 idToken of type MacAddress (`0A:1B:2C:3D:4E:5F`), or
 * bare hex. Null when the text is no EVCCID.
 */
export function canonicalEvccid(text: string): string | null {
  const hex = text.trim().replace(/^VID:/i, '').replace(/[:-]/g, '').toUpperCase();
  return /^[0-9A-F]{12}$/.test(hex) ? hex : null;
}
