import type { Writable } from 'node:stream';
import type { Sheet } from '#common';

/** One application as an exporter receives it: the document, its PDF when printable, who it is. */
export interface ExportedApplication {
  sheet: Sheet;
  /** ID number masked as in lists: an export file travels, its manifest is read by many. */
  idNumberMasked: string;
  /** The printed 申报评审表, or why it could not be printed (before the committee's stage). */
  pdf: { content: Buffer } | { refusal: string };
}

/**
 * A format the checked applications can be exported in (导出到YPPM5.0). The receiving system's format
 * is not published: `zhicheng-zip` is the documented default (docs/yppm-export.md), and a real YPPM
 * format is another exporter registered beside it, with no change to the callers.
 */
export interface ApplicationExporter {
  readonly id: string;
  readonly contentType: string;
  fileName(at: Date): string;
  /** Writes the package to `out`, taking the applications one at a time. */
  write(applications: AsyncIterable<ExportedApplication>, out: Writable, at: Date): Promise<void>;
}
