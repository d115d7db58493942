/**
 * Setup for integration tests (jsdom): jest-dom matchers, the browser APIs antd and recharts need
 * that jsdom lacks, and a clean DOM and stores between tests.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

/**
 * findBy… / waitFor wait up to 5 s (the library's default is 1 s): on the two shared cores a full
 * run renders antd pages several times slower than alone, and a test must fail on a wrong page,
 * not on a slow one. A page that never shows the text still fails, within the test's timeout.
 */
configure({ asyncUtilTimeout: 5000 });

/**
 * antd reports a deprecated prop or component (`[antd: List] … is deprecated`) through
 * console.error, and only in development builds — the e2e suite runs a production build and never
 * sees them, so the integration tests (development mode) are where they fail.
 */
const deprecations: string[] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/deprecated/i.test(text)) deprecations.push(text);
    original(...args);
  };
}

beforeAll(() => {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  // recharts' ResponsiveContainer draws nothing unless the observer reports a real size.
  class SizedResizeObserver {
    private readonly callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.callback = callback;
    }
    observe(target: Element) {
      const entry = {
        target,
        contentRect: {
          width: 800,
          height: 400,
          top: 0,
          left: 0,
          bottom: 400,
          right: 800,
          x: 0,
          y: 0,
        },
        borderBoxSize: [{ inlineSize: 800, blockSize: 400 }],
        contentBoxSize: [{ inlineSize: 800, blockSize: 400 }],
        devicePixelContentBoxSize: [{ inlineSize: 800, blockSize: 400 }],
      } as unknown as ResizeObserverEntry;
      this.callback([entry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = SizedResizeObserver as unknown as typeof ResizeObserver;
  const style = window.getComputedStyle;
  // antd calls getComputedStyle with a pseudo-element, which jsdom does not implement.
  window.getComputedStyle = (elt: Element) => style(elt);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  const found = deprecations.splice(0);
  if (found.length > 0) throw new Error(`deprecation warnings:\n${found.join('\n')}`);
});
