export type StripeFormValue = string | StripeFormValue[] | StripeFormObject;
export interface StripeFormObject {
  [key: string]: StripeFormValue;
}

type Container = StripeFormObject | StripeFormValue[];

// Keys that would reach Object.prototype instead of a plain property.
const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function segmentsOf(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) {
    return [key];
  }

  const nested = [...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]);

  return [key.slice(0, open), ...nested];
}

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}

function childOf(container: Container, segment: string): StripeFormValue | undefined {
  if (Array.isArray(container)) {
    return isIndex(segment) ? container[Number(segment)] : undefined;
  }

  return Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function setChild(container: Container, segment: string, value: StripeFormValue): void {
  if (!Array.isArray(container)) {
    container[segment] = value;
  } else if (segment === '') {
    container.push(value);
  } else if (isIndex(segment)) {
    container[Number(segment)] = value;
  }
}

function assign(root: StripeFormObject, segments: string[], value: string): void {
  let container: Container = root;

  for (let i = 0; i < segments.length - 1; i += 1) {
    let child = childOf(container, segments[i]);
    if (child === undefined || typeof child === 'string') {
      child = isIndex(segments[i + 1]) || segments[i + 1] === '' ? [] : {};
      setChild(container, segments[i], child);
    }
    container = child;
  }

  setChild(container, segments[segments.length - 1], value);
}

/**
 * Parses Stripe's form encoding (`metadata[gym_id]=x`, `line_items[0][price]=y`) into nested
 * objects and arrays, as the API reads it.
 */
export function parseStripeForm(encoded: string): StripeFormObject {
  const root: StripeFormObject = {};

  for (const [key, value] of new URLSearchParams(encoded)) {
    const segments = segmentsOf(key);
    if (!segments.some((segment) => UNSAFE_SEGMENTS.has(segment))) {
      assign(root, segments, value);
    }
  }

  return root;
}
