import { describe, expect, it } from 'vitest';
import { csvCell, csvText, type CsvValue } from '../../common/csv.ts';

describe('csvCell', () => {
  const cases: Array<{ title: string; input: CsvValue; expected: string }> = [
    { title: '= starts a formula', input: '=SUM(A1)', expected: "'=SUM(A1)" },
    { title: '+ starts a formula', input: '+1+1', expected: "'+1+1" },
    { title: '- starts a formula', input: '-2+3', expected: "'-2+3" },
    { title: '@ starts a formula', input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { title: 'a leading TAB is neutralised', input: '\t=1', expected: "'\t=1" },
    { title: 'a leading CR is neutralised, then quoted', input: '\r=1', expected: `"'\r=1"` },
    { title: 'a formula with a comma is neutralised and quoted', input: '=HYPERLINK("http://x","y")', expected: `"'=HYPERLINK(""http://x"",""y"")"` },
    { title: 'a comma is quoted', input: 'a,b', expected: '"a,b"' },
    { title: 'quotes are doubled', input: 'say "hi"', expected: '"say ""hi"""' },
    { title: 'a line break is quoted', input: 'two\nlines', expected: '"two\nlines"' },
    { title: 'an = inside is harmless', input: 'a=b', expected: 'a=b' },
    { title: 'plain text stays', input: 'desk', expected: 'desk' },
    { title: 'a negative number is a number', input: -5, expected: '-5' },
    { title: 'a number', input: 1234.5, expected: '1234.5' },
    { title: 'NaN is empty', input: Number.NaN, expected: '' },
    { title: 'null is empty', input: null, expected: '' },
    { title: 'empty text is empty', input: '', expected: '' },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(csvCell(input)).toBe(expected));
  }
});

describe('csvText', () => {
  it('joins cells with commas and lines with CRLF, ending with a line break', () => {
    expect(
      csvText([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,\r\n');
  });
});
