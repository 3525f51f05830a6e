// A goal's rule, the same on the server (sql/goals/judge.ts) and in the browser (the editor's preview, the report):
// a value meets the target when `value <comparator> target`.

export type Comparator = '<=' | '<' | '>=' | '>';

export function meets(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '>=':
      return value >= target;
    case '>':
      return value > target;
  }
}
