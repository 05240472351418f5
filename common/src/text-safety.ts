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

/** The first unsafe text in a parsed request part (JSON body, query, path), with where it is. */
export function findUnsafeText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unsafeTextProblem(key);
      if (keyProblem) return { path: [...path, key], problem: keyProblem };
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
