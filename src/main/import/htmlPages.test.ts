import { describe, expect, it } from 'vitest';
import { importFile } from '.';
import { isBoilerplateLine } from './htmlBoilerplate';

const P1 =
  'أعلنت بعثة الأمم المتحدة للدعم في ليبيا يوم الأربعاء أن الأطراف وافقت على هدنة إنسانية في طرابلس تبدأ مع حلول عيد الفطر وتستمر أسبوعا.';
const P2 =
  'وقال المبعوث الأممي غسان سلامة إن الهدنة يجب أن تفتح الطريق أمام العودة إلى طاولة الحوار، داعيا الدول المعنية إلى احترام حظر السلاح.';
const P3 =
  'وأضاف أن المدنيين يدفعون ثمن القتال الدائر منذ الرابع من أبريل، وأن آلاف العائلات نزحت من الأحياء الجنوبية للعاصمة.';
const HEADLINE = 'هدنة إنسانية في طرابلس مع حلول العيد';

const page = (head: string, body: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
    'utf8',
  );

describe('an ASP.NET WebForms page, whose whole body sits inside one <form>', () => {
  const aspnet = page(
    `<title>${HEADLINE} - بوابة الأخبار</title>`,
    `<form name="aspnetForm" method="post" action="./News.aspx?id=1234" id="aspnetForm">
      <div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWAg=="></div>
      <div id="header"><a href="/">الرئيسية</a> <input type="text" name="ctl00$q" value="ابحث"><input type="submit" value="بحث"></div>
      <div id="ctl00_ContentPlaceHolder1_pnlNews" class="NewsBody">
        <h1 id="ctl00_ContentPlaceHolder1_lblTitle">${HEADLINE}</h1>
        <p>${P1}</p><p>${P2}</p><p>${P3}</p>
        <select name="ctl00$font"><option>خط كبير</option></select><textarea name="ctl00$comment">اكتب تعليقك</textarea><button>أرسل</button>
      </div>
    </form>`,
  );

  it('imports the article inside the form, without the form’s controls', async () => {
    const result = await importFile('News.aspx.html', aspnet);
    expect(result.title).toBe(HEADLINE);
    expect(result.text.split('\n')).toEqual([HEADLINE, P1, P2, P3]);
    for (const control of ['ابحث', 'بحث', 'خط كبير', 'اكتب تعليقك', 'أرسل', 'VIEWSTATE', 'wEPDw'])
      expect(result.text).not.toContain(control);
  });
});

describe('a WordPress-like page with related posts, sponsored paragraphs and stock lines', () => {
  const wordpress = page(
    `<title>${HEADLINE} | موقع الأخبار</title><meta property="og:title" content="${HEADLINE}">`,
    `<div id="page"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">${HEADLINE}</h1></header>
      <div class="entry-content">
        <p>${P1}</p>
        <p>اقرأ أيضا: مجلس الأمن يعقد جلسة طارئة حول ليبيا</p>
        <p>${P2}</p>
        <div class="outbrain-widget"><p>محتوى مدعوم: اكتشف أفضل العروض السياحية لهذا الصيف في منتجعات البحر الأحمر بأسعار لا تقاوم.</p></div>
        <p class="sponsored-link">إعلان: احصل على قرض شخصي بفائدة منخفضة خلال أربع وعشرين ساعة فقط.</p>
        <p>${P3}</p>
        <p>مواضيع ساخنة اخرى</p>
        <div id="jp-relatedposts" class="jp-relatedposts"><h3>مواضيع ذات صلة</h3><p><a href="/a">السراج يزور باريس ويلتقي ماكرون</a></p><p><a href="/b">حفتر في الإليزيه لبحث وقف إطلاق النار</a></p></div>
        <div class="sharedaddy sd-sharing-enabled"><h3>شارك هذا:</h3><p><a href="#">فيسبوك</a> <a href="#">تويتر</a></p></div>
        <p>طباعة</p>
        <div class="post-tags">الوسوم: ليبيا، طرابلس، هدنة</div>
      </div></article>
      <div id="comments"><p>سياسة التعليقات: التعليقات المنشورة لا تعبر عن رأي الموقع وإنما عن رأي أصحابها.</p></div></div>`,
  );

  it('keeps the article’s paragraphs and drops related, sponsored, share and tag blocks and stock lines', async () => {
    const result = await importFile('wp.html', wordpress);
    expect(result.text.split('\n')).toEqual([HEADLINE, P1, P2, P3]);
    expect(result.title).toBe(HEADLINE);
  });
});

describe('marked blocks', () => {
  it('never take a word out of a sentence, nor the article whose wrapper has an unlucky class', async () => {
    const result = await importFile(
      'inline.html',
      page(
        `<title>${HEADLINE}</title>`,
        `<article class="post has-share-bar"><h1>${HEADLINE}</h1><p>${P2.replace('غسان سلامة', '<a class="tag-link" href="/t">غسان سلامة</a>')}</p><p>${P1}</p><p>${P3}</p></article>`,
      ),
    );
    expect(result.text.split('\n')).toEqual([HEADLINE, P2, P1, P3]);
  });
});

describe('the headline exactly once, at the top', () => {
  it('keeps a headline printed in two identical <h1>', async () => {
    const twice = page(
      `<title>${HEADLINE} - الوكالة</title>`,
      `<div class="mobile-only"><h1>${HEADLINE}</h1></div><div class="main"><h1>${HEADLINE}</h1><div class="body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></div>`,
    );
    const result = await importFile('twice.html', twice);
    expect(result.title).toBe(HEADLINE);
    expect(result.text.split('\n')).toEqual([HEADLINE, P1, P2, P3]);
  });

  it('does not show the headline twice when the page repeats it in the body', async () => {
    const repeated = page(
      `<title>${HEADLINE}</title>`,
      `<article><h1>${HEADLINE}</h1><p class="kicker">ليبيا</p><h2>${HEADLINE}</h2><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
    );
    const paragraphs = (await importFile('repeated.html', repeated)).text.split('\n');
    expect(paragraphs.filter((p) => p === HEADLINE)).toHaveLength(1);
    expect(paragraphs[0]).toBe(HEADLINE);
    expect(paragraphs.slice(-3)).toEqual([P1, P2, P3]);
  });
});

describe('stock lines', () => {
  it('are told from article sentences that share their first word', () => {
    for (const line of [
      'اقرأ أيضاً: السراج في باريس',
      'مواضيع ساخنة اخرى',
      'مواضيع ذات صلة',
      '» طباعة',
      'Share',
      'الوسوم: ليبيا',
    ])
      expect(isBoilerplateLine(line), line).toBe(true);
    for (const line of [
      'طباعة الصحف توقفت في طرابلس بسبب انقطاع الكهرباء.',
      'شاركت فرنسا في الاجتماع.',
      'Related parties met in Paris.',
      P1,
    ])
      expect(isBoilerplateLine(line), line).toBe(false);
  });
});
