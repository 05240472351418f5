/**
 * The cascader path (province, city, county) of a GB/T 2260 code: 530102 → 530000, 530100, 530102;
 * 530100 → 530000, 530100; 530000 → 530000.
 */
export function regionPathOf(code: string | null | undefined): string[] {
  if (!code || !/^\d{6}$/.test(code)) return [];
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (code === province) return [province];
  if (code === city) return [province, city];
  return [province, city, code];
}
