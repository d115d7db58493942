/**
 * zod as the whole SPA and the contract use it: configured before any schema is created.
 *
 * In the browser zod runs without its JIT (`jitless`). Its object schemas otherwise probe once,
 * when the first one is created, whether `new Function` may run; the strict CSP refuses it (no
 * 'unsafe-eval') and Chromium reports a violation on every page although zod carries on. The probe
 * runs at schema creation, which is module evaluation, so the setting must run before any module
 * that defines a schema: every module imports `z` from here (lint forbids importing 'zod' in src),
 * which makes ES module order guarantee it whatever chunks the build makes. The service keeps the
 * JIT (no CSP there, and its schemas check every response in development).
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
