import { requestIdFor } from './request-id';

describe('requestIdFor', () => {
  it("keeps a caller's plain id", () => {
    expect(requestIdFor('abc-123_x.y:z')).toBe('abc-123_x.y:z');
  });

  it('replaces a missing, repeated, overlong or line-breaking id with a new uuid', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const incoming of [undefined, '', ['a', 'b'], 'x'.repeat(129), 'a\nlevel=error', 'a b', '"}']) {
      expect(requestIdFor(incoming)).toMatch(uuid);
    }
  });
});
