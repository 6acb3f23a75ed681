/**
 * A set of numeric ids that iterates in ascending order. Ids normally arrive in ascending order
 * (new orders), so the insertion-ordered Set is already sorted; an out-of-order insert (an order
 * moving between buckets) marks it dirty and the next iteration re-sorts once.
 */
export class SortedIdSet {
  private set = new Set<number>();
  private max = -Infinity;
  private dirty = false;

  add(id: number): void {
    if (this.set.has(id)) return;
    if (id < this.max) this.dirty = true;
    else this.max = id;
    this.set.add(id);
  }

  delete(id: number): void {
    this.set.delete(id);
  }

  has(id: number): boolean {
    return this.set.has(id);
  }

  get size(): number {
    return this.set.size;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    if (this.dirty) {
      this.set = new Set([...this.set].sort((a, b) => a - b));
      this.dirty = false;
    }
    yield* this.set;
  }
}

/** Ascending k-way merge of ascending id streams (k is small: statuses × export buckets). */
export function* mergeAscending(sources: Iterable<number>[]): IterableIterator<number> {
  const its = sources.map((s) => s[Symbol.iterator]());
  const heads: Array<number | undefined> = its.map((it) => {
    const r = it.next();
    return r.done ? undefined : r.value;
  });
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== undefined && (best < 0 || h < (heads[best] as number))) best = i;
    }
    if (best < 0) return;
    const value = heads[best] as number;
    const r = its[best].next();
    heads[best] = r.done ? undefined : r.value;
    yield value;
  }
}
