import { canonicalEvccid } from './evccid';

describe('canonicalEvccid', () => {
  it.each([
    ['VID:0a1b2c3d4e5f', '0A1B2C3D4E5F'],
    ['0A:1B:2C:3D:4E:5F', '0A1B2C3D4E5F'],
    ['0a-1b-2c-3d-4e-5f', '0A1B2C3D4E5F'],
    ['0A1B2C3D4E5F', '0A1B2C3D4E5F'],
  ])('reads %s as %s', (text, expected) => expect(canonicalEvccid(text)).toBe(expected));

  it.each(['BUS-07-TAG', '0A1B2C3D4E', 'VID:ZZ1B2C3D4E5F', ''])('is no EVCCID: %s', (text) =>
    expect(canonicalEvccid(text)).toBeNull(),
  );
});
