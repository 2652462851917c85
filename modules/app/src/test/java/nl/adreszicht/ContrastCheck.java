package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * WCAG 2.1 AA contrast (1.4.3) from what the browser really paints: for every visible element with text of its own,
 * the computed text colour against the effective background, found by compositing the background colours of the
 * element and its ancestors up to the page. axe reports text over a background it cannot resolve only as
 * "incomplete", which let white-on-white tabs pass; this check decides every such case, and fails on any text below
 * 4.5:1 (3:1 for large text: at least 24 px, or 18.66 px bold). Text over a background image or gradient (the hatched
 * suppressed cells) is checked against the lightest and darkest colour stop instead.
 */
final class ContrastCheck {

    private ContrastCheck() {}

    /** Fails with every text element whose contrast is too low, named by tag, class, text, colours and ratio. */
    static void assertReadable(Page page) {
        @SuppressWarnings("unchecked")
        List<String> failures = (List<String>) page.evaluate(SCRIPT);
        assertThat(failures).as("text below WCAG AA contrast on " + page.url()).isEmpty();
    }

    /** The number of text elements checked on the page, so a test can see the check did not pass vacuously. */
    static int checkedElements(Page page) {
        return ((Number) page.evaluate("() => window.__contrastChecked || 0")).intValue();
    }

    private static final String SCRIPT = """
            () => {
              const parse = (value) => {
                const m = value.match(/rgba?\\(([^)]+)\\)/);
                if (!m) return null;
                const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
                return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
              };
              const over = (top, bottom) => {
                const a = top.a + bottom.a * (1 - top.a);
                if (a === 0) return { r: 255, g: 255, b: 255, a: 0 };
                const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
                return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
              };
              const lum = (c) => {
                const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
              };
              const ratio = (x, y) => {
                const a = lum(x), b = lum(y);
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              };
              // The background layers from the element up to the root; an image or gradient gives its colour stops.
              const backgrounds = (element) => {
                const layers = [];
                for (let e = element; e; e = e.parentElement) {
                  const style = getComputedStyle(e);
                  const colour = parse(style.backgroundColor);
                  const image = style.backgroundImage;
                  if (image && image !== 'none') {
                    const stops = (image.match(/rgba?\\([^)]+\\)/g) || []).map(parse);
                    if (stops.length) layers.push({ stops });
                  }
                  if (colour && colour.a > 0) layers.push({ colour });
                  if (colour && colour.a === 1) break;
                }
                return layers;
              };
              const effective = (element) => {
                const layers = backgrounds(element);
                let candidates = [{ r: 255, g: 255, b: 255, a: 1 }];
                for (let i = layers.length - 1; i >= 0; i--) {
                  const layer = layers[i];
                  if (layer.colour) candidates = candidates.map((c) => over(layer.colour, c));
                  else candidates = layer.stops.flatMap((s) => candidates.map((c) => over(s, c)));
                }
                return candidates;
              };
              const failures = [];
              let checked = 0;
              const all = document.body.querySelectorAll('*');
              for (const element of all) {
                if (element.closest('svg, script, style, noscript, template, [aria-hidden="true"]')) continue;
                const own = Array.from(element.childNodes)
                  .filter((n) => n.nodeType === Node.TEXT_NODE)
                  .map((n) => n.textContent.trim()).join(' ').trim();
                const isControl = element.matches('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button');
                const text = own || (isControl && (element.value || element.textContent || '').trim());
                if (!text) continue;
                const style = getComputedStyle(element);
                if (style.visibility !== 'visible' || style.display === 'none' || parseFloat(style.opacity) === 0) continue;
                const box = element.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1) continue;
                if (box.bottom + window.scrollY < 0 || box.right + window.scrollX < 0) continue;
                let hidden = false;
                for (let e = element; e; e = e.parentElement) {
                  const s = getComputedStyle(e);
                  if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) { hidden = true; break; }
                }
                if (hidden) continue;
                const colour = parse(style.color);
                if (!colour) continue;
                const size = parseFloat(style.fontSize);
                const bold = parseInt(style.fontWeight, 10) >= 700;
                const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                checked++;
                for (const background of effective(element)) {
                  const fg = over(colour, background);
                  const r = ratio(fg, background);
                  if (r < needed) {
                    const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string'
                        ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
                    failures.push(name + ' "' + text.slice(0, 40) + '": ' + style.color + ' on rgb('
                        + [background.r, background.g, background.b].map(Math.round).join(', ') + ') = '
                        + r.toFixed(2) + ':1, needs ' + needed + ':1');
                    break;
                  }
                }
              }
              window.__contrastChecked = checked;
              return failures;
            }
            """;
}
