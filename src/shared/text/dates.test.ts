import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDate } from './dates';

describe('parseDate', () => {
  it.each([
    ['2019-05-15', '2019-05-15'],
    ['2019-5-7', '2019-05-07'],
    ['2019/05/15', '2019-05-15'],
    ['20190515', '2019-05-15'],
    ['20190515T013000+0300', '2019-05-15'],
  ])('reads the year-first form %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['2019-05-15T01:30:00+03:00', '2019-05-15'],
    ['Wed, 15 May 2019 01:30:00 +0300', '2019-05-15'],
    ['15 May 2019 01:30 +03:00', '2019-05-15'],
    ['May 15, 2019 1:30 AM GMT+3', '2019-05-15'],
    ['2019-05-14T23:30:00-05:00', '2019-05-14'],
  ])('keeps the calendar day the text gives, in its own time zone: %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['١٥ مايو ٢٠١٩', '2019-05-15'],
    ['الأربعاء 22 أيار/مايو 2019', '2019-05-22'],
    ['الأربعاء ٢٢ أيار (مايو) ٢٠١٩ - ١٠:٣٠ ص', '2019-05-22'],
    ['نُشر في 3 حزيران 2019', '2019-06-03'],
    ['1 كانون الثاني 2020', '2020-01-01'],
    ['31 كانون الأول 2019', '2019-12-31'],
    ['9 تشرين الثاني، 2019', '2019-11-09'],
    ['12 آب 2019', '2019-08-12'],
    ['4 إبريل 2019', '2019-04-04'],
    ['4 ابريل 2019', '2019-04-04'],
    ['20 يونيه 2019', '2019-06-20'],
    ['5 يوليه 2019', '2019-07-05'],
    ['14 جويلية 2019', '2019-07-14'],
    ['۱۵ مايو ۲۰۱۹', '2019-05-15'],
    ['السبت 17 رمضان 1440 هـ الموافق 22 مايو 2019 م', '2019-05-22'],
    ['15 من شهر مايو عام 2019', '2019-05-15'],
  ])('reads the Arabic date %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['12/05/2019', '2019-05-12'],
    ['١٢/٠٥/٢٠١٩', '2019-05-12'],
    ['1.2.2019', '2019-02-01'],
    ['25-12-2019', '2019-12-25'],
    ['15 May 2019', '2019-05-15'],
    ['15th Sept 2019', '2019-09-15'],
  ])('reads numbers day first: %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    '2019-13-45',
    '2019-02-30',
    '2019-02-29',
    '31/04/2019',
    '05/13/2019 is not day-first',
    '12/05/19',
    'May 2019',
    'مايو ٢٠١٩',
    '22 أيار/يونيو 2019',
    '17 رمضان 1440',
    '1066-10-14',
    'yesterday',
    'the market 15 2019',
    'كتاب 12 2019',
    '',
  ])('answers null for %s, which is not a real date', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('reads 29 February in a leap year', () => {
    expect(parseDate('29/02/2020')).toBe('2020-02-29');
  });

  it('takes the first date in a longer text', () => {
    expect(parseDate('آخر تحديث: 16 مايو 2019 — نُشر 15/05/2019')).toBe('2019-05-16');
  });
});

describe('isIsoDate', () => {
  it('accepts only YYYY-MM-DD of a real day', () => {
    expect(isIsoDate('2019-05-22')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
    for (const bad of ['2019-13-45', '2019-02-29', '2019-5-22', '22/05/2019', '2019-05-22T00:00:00Z', ' 2019-05-22'])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});
