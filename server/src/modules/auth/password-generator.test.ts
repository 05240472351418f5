import { describe, expect, it } from 'vitest';
import { passwordPolicyProblems } from '#common';
import { generatePassword, passwordAlphabet } from './password-generator';

describe('one-time passwords', () => {
  const passwords = Array.from({ length: 2000 }, () => generatePassword());

  it('all meet the password policy', () => {
    expect(passwords.filter((p) => passwordPolicyProblems(p).length > 0)).toEqual([]);
  });

  it('use only characters that read out and write down unambiguously', () => {
    // Look-alikes (0/O, 1/l/I) and symbols hard to say on the phone (& * ? ! %): # and @ are the symbols.
    expect(passwords.filter((p) => /[^#@A-Za-z2-9]|[OoIil]/.test(p))).toEqual([]);
    const allowed = new Set(passwordAlphabet);
    expect(passwords.flatMap((p) => [...p]).filter((c) => !allowed.has(c))).toEqual([]);
    for (const c of '0Oo1lIi|&!*?%^$~\'"`.,;:-_+=()[]{}<>/\\') expect(allowed.has(c)).toBe(false);
    // Letters whose two cases look alike appear in one case only.
    for (const c of 'cksuvwxyz') expect(allowed.has(c) && allowed.has(c.toUpperCase())).toBe(false);
  });

  it('are not all alike', () => {
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
