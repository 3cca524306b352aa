import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownView, safeUrl } from './markdown-view';

afterEach(cleanup);

describe('MarkdownView', () => {
  it('renders Markdown', () => {
    const { container } = render(<MarkdownView source={'# Итоги\n\n**Важно**: *семьи* участвуют.\n\n- один\n- два'} />);
    // Headings in author text start below the page's own h1/h2.
    expect(container.querySelector('h3')?.textContent).toBe('Итоги');
    expect(container.querySelector('strong')?.textContent).toBe('Важно');
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('keeps http(s) and mailto links and drops javascript:, data: and obfuscated ones', () => {
    const { container } = render(
      <MarkdownView
        source={[
          '[отчёт](https://example.org/otchet.pdf)',
          '[почта](mailto:info@example.org)',
          '[клик](javascript:alert(1))',
          '[клик2](JAVASCRIPT:alert(1))',
          '[данные](data:text/html;base64,PHNjcmlwdD4=)',
          '<javascript:alert(2)>',
        ].join('\n\n')}
      />,
    );
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/otchet.pdf', 'mailto:info@example.org']);
    const attributes = [...container.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].map((attribute) => attribute.value),
    );
    expect(attributes.filter((value) => /javascript:|data:/i.test(value))).toEqual([]);
    // The text of a dropped link stays readable.
    expect(container.textContent).toContain('клик');
    for (const link of container.querySelectorAll('a')) expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('drops raw HTML instead of rendering it', () => {
    const { container } = render(
      <MarkdownView
        source={
          'До <img src=x onerror=alert(1)> после\n\n<script>alert(1)</script>\n\n<div onclick="alert(1)">блок</div>\n\n![картинка](https://example.org/x.png)'
        }
      />,
    );
    expect(container.querySelector('img, script, div[onclick]')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    expect(container.innerHTML).not.toContain('<script');
    expect(container.textContent).toContain('До');
    expect(container.textContent).toContain('после');
  });

  it('allows only http, https and mailto addresses', () => {
    expect(safeUrl('https://example.org')).toBe('https://example.org');
    expect(safeUrl(' http://example.org ')).toBe('http://example.org');
    expect(safeUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('java\tscript:alert(1)')).toBeNull();
    expect(safeUrl('vbscript:x')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl('#anchor')).toBeNull();
  });
});
