// A hash table from 32-bit keys to short lists of member numbers, in typed arrays (open addressing, linear probing,
// lists as linked entries in insertion order). LSH looks up tens of millions of band keys when grouping a million
// tickets; a JavaScript Map of arrays spent most of that time hashing boxed keys and chasing objects.
const EMPTY = -1;

export class BucketTable {
  private mask: number;
  private keys: Int32Array;
  /** First and last entry of each slot's list (EMPTY: the slot is free), and the list's length. */
  private heads: Int32Array;
  private tails: Int32Array;
  private lengths: Int32Array;
  private used = 0;
  /** Entries: a member number and the next entry of the same list. */
  private members = new Int32Array(1024);
  private next = new Int32Array(1024);
  private entries = 0;

  constructor(
    private readonly cap: number,
    capacity = 1 << 12,
  ) {
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(EMPTY);
    this.tails = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
  }

  /** Appends `member` to `key`'s list unless the list already holds `cap` members. */
  add(key: number, member: number): void {
    if (2 * (this.used + 1) > this.keys.length) this.rehash();
    const slot = this.slotOf(key);
    if (this.heads[slot] === EMPTY) {
      this.keys[slot] = key;
      this.heads[slot] = this.tails[slot] = this.entry(member);
      this.lengths[slot] = 1;
      this.used++;
    } else if (this.lengths[slot]! < this.cap) {
      const e = this.entry(member);
      this.next[this.tails[slot]!] = e;
      this.tails[slot] = e;
      this.lengths[slot]!++;
    }
  }

  /** First entry of `key`'s list, or −1; walk it with `member(e)` and `after(e)`. */
  first(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const head = this.heads[slot]!;
      if (head === EMPTY || this.keys[slot] === key) return head;
      slot = (slot + 1) & this.mask;
    }
  }

  member(entry: number): number {
    return this.members[entry]!;
  }

  after(entry: number): number {
    return this.next[entry]!;
  }

  private slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) & this.mask;
    while (this.heads[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  private entry(member: number): number {
    if (this.entries === this.members.length) {
      const members = new Int32Array(this.entries * 2);
      members.set(this.members);
      this.members = members;
      const next = new Int32Array(this.entries * 2);
      next.set(this.next);
      this.next = next;
    }
    this.members[this.entries] = member;
    this.next[this.entries] = EMPTY;
    return this.entries++;
  }

  private rehash(): void {
    const { keys, heads, tails, lengths } = this;
    const capacity = keys.length * 2;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(EMPTY);
    this.tails = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    for (let old = 0; old < keys.length; old++) {
      if (heads[old] === EMPTY) continue;
      const slot = this.slotOf(keys[old]!);
      this.keys[slot] = keys[old]!;
      this.heads[slot] = heads[old]!;
      this.tails[slot] = tails[old]!;
      this.lengths[slot] = lengths[old]!;
    }
  }
}
