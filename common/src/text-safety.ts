/**
 * What makes a text unfit to keep, whatever the field: PostgreSQL cannot store a NUL or a lone UTF-16
 * surrogate; direction overrides and isolates (not the harmless marks LRM/RLM, which pasted text
 * carries unseen) make a name read differently from what it is (a file "exe.pdf" shown
 * as "fdp.exe"); a value of only zero-width characters looks filled in but says nothing.
 */
// With the u flag a well-formed pair is one code point, so this finds only a surrogate standing alone.
const loneSurrogate = /[\uD800-\uDFFF]/u;
const directionControls = /[\u202A-\u202E\u2066-\u2069]/;
const zeroWidth = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/;
const onlyInvisible = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD\u180E]*$/;

/** Why `value` cannot be taken, in words a clerk can act on; null when it is fine. */
export function unsafeTextProblem(value: string): string | null {
  if (value.includes('\u0000') || loneSurrogate.test(value)) return '含有无法保存的特殊字符，请删除后重新输入';
  if (directionControls.test(value)) return '含有改变文字方向的控制字符，请删除后重新输入';
  if (zeroWidth.test(value) && onlyInvisible.test(value)) return '只含有不可见的字符，请重新输入';
  return null;
}

/**
 * The first unsafe text in a parsed request part (JSON body, query, path), with where it is. Walked
 * with a stack of its own, not by recursion: a body of a megabyte can nest arrays hundreds of
 * thousands deep, which would exhaust the call stack (a 500) before any schema refused it.
 */
export function findUnsafeText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; problem: string } | null {
  interface Step {
    value?: unknown;
    /** A key of an object, checked before its value, as the text reads. */
    key?: string;
    at?: string | number;
    parent?: Step;
  }
  const pathOf = (step: Step): (string | number)[] => {
    const keys: (string | number)[] = [];
    for (let s: Step | undefined = step; s?.at !== undefined; s = s.parent) keys.push(s.at);
    return [...path, ...keys.reverse()];
  };
  const stack: Step[] = [{ value }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.key !== undefined) {
      const problem = unsafeTextProblem(step.key);
      if (problem) return { path: pathOf(step), problem };
      continue;
    }
    const current = step.value;
    if (typeof current === 'string') {
      const problem = unsafeTextProblem(current);
      if (problem) return { path: pathOf(step), problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], at: i, parent: step });
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({ value: item, at: key, parent: step }, { key, at: key, parent: step });
      }
    }
  }
  return null;
}
