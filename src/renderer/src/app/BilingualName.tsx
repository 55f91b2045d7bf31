/**
 * A name that has an English and an Arabic form (a code, a choice item): the interface language's
 * form first, the other after a separator, each isolated in its own <bdi> with its language, so
 * that “Ceasefire” and “وقف إطلاق النار” never run together or reorder each other.
 */
import { Fragment } from 'react';
import { useI18n, type Lang } from '../i18n';

interface Part {
  text: string;
  lang: Lang;
}

function parts(name: string, nameAr: string, ui: Lang): Part[] {
  const both: Part[] = [
    { text: name.trim(), lang: 'en' },
    { text: nameAr.trim(), lang: 'ar' },
  ];
  const present = both.filter((p) => p.text !== '');
  return ui === 'ar' ? present.reverse() : present;
}

export function BilingualName({ name, nameAr }: { name: string; nameAr: string }) {
  const { lang } = useI18n();
  return (
    <span className="bilingual">
      {parts(name, nameAr, lang).map((p, i) => (
        <Fragment key={p.lang}>
          {i > 0 && <span className="name-sep"> · </span>}
          <bdi lang={p.lang} className={i === 0 ? 'name-first' : 'name-second'}>
            {p.text}
          </bdi>
        </Fragment>
      ))}
    </span>
  );
}

/** The same as plain text, for <option>s (which hold no markup): each part in bidi isolates. */
export function bilingualText(name: string, nameAr: string, ui: Lang): string {
  return parts(name, nameAr, ui)
    .map((p) => `\u2068${p.text}\u2069`)
    .join(' · ');
}
