/** The password policy of manual §2.4: 8–16 characters, no spaces, a digit, a letter, a special character. */
export const passwordPolicyText = '密码长度为8到16位，不包含空格，必须包含数字、英文、特殊字符（如 !@#% 等）';

export function passwordPolicyProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8 || password.length > 16) problems.push('密码长度为8到16位');
  if (/\s/.test(password)) problems.push('密码中不能包含空格');
  if (!/\d/.test(password)) problems.push('密码必须包含数字');
  if (!/[A-Za-z]/.test(password)) problems.push('密码必须包含英文字母');
  if (!/[^A-Za-z0-9\s]/.test(password)) problems.push('密码必须包含特殊字符（如 !@#% 等）');
  return problems;
}
