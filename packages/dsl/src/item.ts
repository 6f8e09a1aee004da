import { handleAt, Ref, typedHandleAt, type ValueType } from './ref.js';

/**
 * The loop variable of a task or step with `withItems`, `withParam` or `withSequence`: renders `{{item}}`, and for
 * items that are objects, `item.key` renders `{{item.key}}` (typed from the items given to `withItems`).
 */
export type Item<T> =
  T extends Readonly<Record<string, unknown>> ? Ref<T> & { readonly [K in keyof T & string]: Ref<T[K]> } : Ref<T>;

/** The type all values share, when they are all strings, all numbers or all booleans (what conditions read them as). */
function commonType(values: readonly unknown[]): ValueType | undefined {
  const first = typeof values[0];
  if (first !== 'string' && first !== 'number' && first !== 'boolean') return undefined;
  return values.every((v) => typeof v === first) ? first : undefined;
}

class ItemRef extends Ref {
  constructor(items: readonly unknown[], keys: readonly string[]) {
    super(['item'], commonType(items));
    for (const key of keys) {
      const type = commonType(items.map((item) => (item as Record<string, unknown> | null)?.[key]));
      Object.defineProperty(this, key, { value: typedHandleAt(type, 'item', key), enumerable: true });
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
  return new ItemRef(items ?? [], keys) as unknown as Item<T>;
}

/** A `withParam` loop's item: keys are unknown until run time, so fields are reached with `field('key')`. */
export type ParamItem = Ref & { field(key: string): Ref };
