import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';
import { maskIdNumber, maskPhone } from './masking';
import { passwordPolicyProblems } from './password-policy';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes with their check characters', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
  });

  it('computes the check character over the 31-character alphabet', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
    expect(creditCodeCheckCharacter('9135010OM000100Y4')).toBeNull(); // O is not in the alphabet
  });

  it('refuses a wrong check character, a wrong length and forbidden letters', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkCharacter');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('format');
    expect(creditCodeProblem('91350100I000100Y43')).toBe('format');
    expect(creditCodeProblem('91350100m000100y43')).toBe('format');
  });

  it('accepts SGSR + 14 digits in upper case for a unit without a code', () => {
    expect(creditCodeProblem('SGSR12345678911111')).toBeNull();
    expect(creditCodeProblem('sgsr12345678911111')).toBe('format');
    expect(creditCodeProblem('SGSR1234567891111A')).toBe('format');
  });
});

describe('password policy (manual §2.4)', () => {
  it('accepts 8 to 16 characters with a digit, a letter and a special character', () => {
    expect(passwordPolicyProblems('Yunnan#2026')).toEqual([]);
    expect(passwordPolicyProblems('a1!aaaaa')).toEqual([]);
    expect(passwordPolicyProblems('a1!aaaaaaaaaaaaa')).toEqual([]);
  });

  it('names each rule that is broken', () => {
    expect(passwordPolicyProblems('a1!aaaa')).toEqual(['密码长度为8到16位']);
    expect(passwordPolicyProblems('a1!aaaaaaaaaaaaaa')).toEqual(['密码长度为8到16位']);
    expect(passwordPolicyProblems('abc 123!x')).toEqual(['密码中不能包含空格']);
    expect(passwordPolicyProblems('abcdefgh')).toEqual(['密码必须包含数字', '密码必须包含特殊字符（如 !@#% 等）']);
  });
});

describe('masking', () => {
  it('masks phones and ID numbers as the lists show them', () => {
    expect(maskPhone('15887295372')).toBe('158****5372');
    expect(maskIdNumber('530102199001011234')).toBe('5301**********1234');
  });
});
