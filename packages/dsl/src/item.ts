import { handleAt, Ref } from './ref.js';

/**
 * The loop variable of a task or step with `withItems`, `withParam` or `withSequence`: renders `{{item}}`, and for
 * items that are objects, `item.key` renders `{{item.key}}` (typed from the items given to `withItems`).
 */
export type Item<T> =
  T extends Readonly<Record<string, unknown>> ? Ref<T> & { readonly [K in keyof T & string]: Ref<T[K]> } : Ref<T>;

class ItemRef extends Ref {
  constructor(keys: readonly string[]) {
    super(['item']);
    for (const key of keys) {
      Object.defineProperty(this, key, { value: handleAt('item', key), enumerable: true });
    }
    Object.freeze(this);
  }

  /** For `withParam` items, whose keys are only known at run time. */
  field(key: string): Ref {
    return handleAt('item', key);
  }
}

export function itemHandle<T>(items: readonly T[] | undefined): Item<T> {
  const first = items?.[0];
  const keys = first !== null && typeof first === 'object' && !Array.isArray(first) ? Object.keys(first) : [];
  return new ItemRef(keys) as unknown as Item<T>;
}

/** A `withParam` loop's item: keys are unknown until run time, so fields are reached with `field('key')`. */
export type ParamItem = Ref & { field(key: string): Ref };
