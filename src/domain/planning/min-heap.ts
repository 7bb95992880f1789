/** A binary min-heap of entries ordered by `key`: the greedy ranking's queue of moves. */
export class MinHeap<T extends { readonly key: number }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const { items } = this;
    items.push(item);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if ((items[parent] as T).key <= item.key) {
        break;
      }
      items[child] = items[parent] as T;
      child = parent;
    }
    items[child] = item;
  }

  pop(): T | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) {
      return top;
    }
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      if (left >= items.length) {
        break;
      }
      const right = left + 1;
      const child = right < items.length && (items[right] as T).key < (items[left] as T).key ? right : left;
      if ((items[child] as T).key >= last.key) {
        break;
      }
      items[parent] = items[child] as T;
      parent = child;
    }
    items[parent] = last;
    return top;
  }
}
