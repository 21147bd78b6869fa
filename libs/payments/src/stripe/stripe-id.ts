/** The id of an expandable Stripe field, whether it came expanded or not. */
export function stripeIdOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) {
    return null;
  }

  return typeof value === 'string' ? value : value.id;
}
