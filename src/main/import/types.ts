import type { Warning } from '@shared/model';

/** What an importer hands the documents service: canonical text plus whatever metadata it found. */
export interface ImportedText {
  text: string;
  title: string | null;
  warnings: Warning[];
  meta: { source?: string; url?: string; publishedAt?: string | null };
}
