import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { isBlindImportRefusal } from './blindImportRefusal';
import { useCodersStrings } from './strings';

describe('an import refused while blind', () => {
  it('is told by its reason, not by its English sentence, so the dialog can say it in Arabic', () => {
    expect(isBlindImportRefusal(new AppError('forbidden', 'x', { reason: 'blind_import' }))).toBe(true);
    expect(isBlindImportRefusal(new AppError('forbidden', 'Blind coding is on: that annotation…'))).toBe(false);
    expect(isBlindImportRefusal(new AppError('conflict', 'x', { reason: 'blind_import' }))).toBe(false);
    expect(isBlindImportRefusal(new Error('x'))).toBe(false);
    expect(useCodersStrings.for('en').blindImport).toContain('Reveal other coders’ work before importing it');
    expect(useCodersStrings.for('ar').blindImport).toContain('اكشف عمل المرمّزين الآخرين قبل استيراده');
  });
});
