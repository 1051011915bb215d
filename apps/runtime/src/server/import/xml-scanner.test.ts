import { describe, expect, it } from 'vitest';
import { decodeXml, XmlScanner, xmlAttr } from './xml-scanner';

const XML =
  '<?xml version="1.0"?>\n<x:sst a="1 > 0" b=\'it"s\'><!-- c > d --><si><t xml:space="preserve"> A &amp; B &#x4e2d;&#25991; </t></si>' +
  '<si><t><![CDATA[<raw> & ]]></t><e/></si></x:sst>';

/** The scanner's events for `xml` fed in the given pieces, with text runs joined and decoded. */
function events(pieces: string[]): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text:${decodeXml(text)}`);
    text = '';
  };
  const scanner = new XmlScanner({
    open(name, tag, selfClosing) {
      flush();
      out.push(`open:${name}:${selfClosing}:${xmlAttr(tag, 'a') ?? ''}:${xmlAttr(tag, 'b') ?? ''}`);
    },
    close(name) {
      flush();
      out.push(`close:${name}`);
    },
    text(raw) {
      text += raw;
    },
    cdata(data) {
      flush();
      out.push(`cdata:${data}`);
    },
  });
  for (const p of pieces) scanner.write(p);
  scanner.end();
  flush();
  return out;
}

describe('XmlScanner', () => {
  it('reports the same events wherever the input is cut, even inside tags, comments and entities', () => {
    const whole = events([XML]);
    expect(whole).toEqual([
      'text:\n',
      'open:sst:false:1 > 0:it"s',
      'open:si:false::',
      'open:t:false::',
      'text: A & B 中文 ',
      'close:t',
      'close:si',
      'open:si:false::',
      'open:t:false::',
      'cdata:<raw> & ',
      'close:t',
      'open:e:true::',
      'close:si',
      'close:sst',
    ]);
    for (let cut = 1; cut < XML.length; cut++)
      expect(events([XML.slice(0, cut), XML.slice(cut)])).toEqual(whole);
    expect(events(XML.split(''))).toEqual(whole);
  });

  it('passes long text on at once but refuses a tag that never ends', () => {
    let text = '';
    const scanner = new XmlScanner({
      open() {},
      close() {},
      cdata() {},
      text(raw) {
        text += raw;
      },
    });
    scanner.write('<t>');
    for (let k = 0; k < 9; k++) scanner.write(`${'x'.repeat(1024 * 1024)} &amp`);
    expect(text.length).toBe(9 * (1024 * 1024 + 5) - 4);
    expect(() => {
      for (let k = 0; k < 9; k++) scanner.write(`<a b="${'y'.repeat(1024 * 1024)}`);
    }).toThrow('longer than 8 M');
  });

  it('refuses input that ends inside a tag', () => {
    expect(() => events(['<a><b x="1"'])).toThrow('XML ends inside a tag');
  });

  it('decodes the predefined entities and character references, leaving stray ampersands', () => {
    expect(decodeXml('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#X43; & &bogus;')).toBe('<>&"\'ABC & &bogus;');
  });
});
