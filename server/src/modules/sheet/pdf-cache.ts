/**
 * Printed PDFs by application, content digest and variant, the least recently used dropped first once
 * they pass `maxBytes`. A change of the form changes its digest, so nothing stale is served.
 */
export function createPdfCache(maxBytes: number) {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  return {
    get(key: string): Buffer | undefined {
      const pdf = entries.get(key);
      if (pdf) {
        entries.delete(key);
        entries.set(key, pdf);
      }
      return pdf;
    },
    set(key: string, pdf: Buffer): void {
      if (pdf.length > maxBytes) return;
      const old = entries.get(key);
      if (old) bytes -= old.length;
      entries.delete(key);
      entries.set(key, pdf);
      bytes += pdf.length;
      for (const [k, v] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= v.length;
      }
    },
  };
}
export type PdfCache = ReturnType<typeof createPdfCache>;
