import { MAX_INPUT_DEPTH, unsafeValues } from './unsafe-values';

const nested = (depth: number) => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};

describe('unsafeValues', () => {
  it('accepts ordinary input, paired surrogates (emoji) included', () => {
    expect(unsafeValues({ name: 'Baiyun 💥', tariff: { steps: [{ pricePerKwh: 1 }] } }, 'body')).toEqual([]);
    expect(unsafeValues({ a: nested(MAX_INPUT_DEPTH - 1) }, 'body')).toEqual([]);
  });

  it.each([
    [{ name: 'a\u0000b' }, 'name', /NUL/],
    [{ tariff: { steps: [{ from: '\ud800' }] } }, 'tariff.steps.0.from', /lone UTF-16 surrogate/],
    [{ name: 'x\udc00' }, 'name', /lone UTF-16 surrogate/],
    [{ ['a\u0000']: 1 }, 'a\u0000', /field name must not contain the NUL/],
    [{ name: nested(2500) }, 'name.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0', /nested deeper than 16/],
    [{ settings: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 1])) }, 'settings', /101 fields/],
    [{ steps: Array.from({ length: 10_001 }, () => 1) }, 'steps', /10001 items/],
  ])('rejects case %#', (input, field, message) => {
    const problems = unsafeValues(input, 'body');
    expect(problems).toEqual([{ field, messages: [expect.stringMatching(message)] }]);
  });

  it('leaves text of items checked one by one to their rule, but not their depth', () => {
    const isItem = (path: string) => path.startsWith('readings.');
    expect(unsafeValues({ readings: [{ state: 'a\u0000' }, { ['b\u0000']: 1 }] }, 'body', isItem)).toEqual([]);
    expect(unsafeValues({ readings: [{ state: nested(100) }] }, 'body', isItem)).toEqual([
      { field: expect.stringMatching(/^readings\.0\.state\./), messages: [expect.stringMatching(/nested deeper/)] },
    ]);
  });

  it('names the root when the whole value is the problem', () => {
    expect(unsafeValues('\u0000', 'id')).toEqual([{ field: 'id', messages: [expect.stringMatching(/^id must not/)] }]);
  });
});
