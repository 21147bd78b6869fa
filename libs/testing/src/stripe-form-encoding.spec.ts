import { parseStripeForm } from './stripe-form-encoding';

describe('parseStripeForm', () => {
  it('reads flat, nested and indexed keys as the Stripe SDK writes them', () => {
    const encoded =
      'mode=subscription&metadata[gym_id]=gym_01&line_items[0][price]=price_A' +
      '&line_items[0][quantity]=1&line_items[1][price]=price_B&a[b][c]=deep';

    expect(parseStripeForm(encoded)).toEqual({
      mode: 'subscription',
      metadata: { gym_id: 'gym_01' },
      line_items: [{ price: 'price_A', quantity: '1' }, { price: 'price_B' }],
      a: { b: { c: 'deep' } },
    });
  });

  it('decodes percent-encoded keys and values', () => {
    expect(
      parseStripeForm('success_url=https%3A%2F%2Fx.test%2F%3Fa%3D1&metadata%5Bk%5D=v%20w'),
    ).toEqual({ success_url: 'https://x.test/?a=1', metadata: { k: 'v w' } });
  });

  it('reads empty brackets as a list and an empty value as an empty string', () => {
    expect(parseStripeForm('expand[]=a&expand[]=b&metadata[gone]=')).toEqual({
      expand: ['a', 'b'],
      metadata: { gone: '' },
    });
  });

  it('ignores keys that would reach the object prototype', () => {
    const parsed = parseStripeForm('__proto__[polluted]=yes&a[constructor][x]=1&ok=1');

    expect(parsed).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives an empty object for an empty body', () => {
    expect(parseStripeForm('')).toEqual({});
  });
});
