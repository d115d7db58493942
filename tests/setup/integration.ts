/**
 * Setup for integration tests (jsdom): jest-dom matchers, the browser APIs antd and recharts need
 * that jsdom lacks, and a clean DOM and stores between tests.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';

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
});
