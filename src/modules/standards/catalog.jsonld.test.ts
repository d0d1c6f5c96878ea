import { describe, expect, it } from 'vitest';
import { renderFragment } from '../../platform/views/render.js';
import { JsonLd, openingHoursText, scriptSafeJson } from './catalog.jsonld.js';

describe('scriptSafeJson', () => {
  it('writes <, > and & as JSON escapes, so nothing can end the script element or open a comment', () => {
    const data = { name: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = scriptSafeJson(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('JsonLd renders one inert data block whose content parses back to the data', () => {
    const data = { '@type': 'GovernmentService', name: 'Akta "kelahiran" </script>' };
    const html = renderFragment(JsonLd({ data }));
    expect(html).toMatch(/^<script type="application\/ld\+json">[^<]*<\/script>$/);
    expect(JSON.parse(html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual(data);
  });
});

describe('openingHoursText', () => {
  it('writes schema.org opening hours, joining consecutive days with the same hours', () => {
    const day = (weekday: number, opensAt = '08:00', closesAt = '16:00') => ({ weekday, opensAt, closesAt });
    expect(openingHoursText([day(1), day(2), day(3), day(4), day(5), day(6, '08:00', '12:00')])).toEqual([
      'Mo-Fr 08:00-16:00',
      'Sa 08:00-12:00',
    ]);
    expect(openingHoursText([day(1), day(3)])).toEqual(['Mo 08:00-16:00', 'We 08:00-16:00']);
    expect(openingHoursText([])).toEqual([]);
  });
});
