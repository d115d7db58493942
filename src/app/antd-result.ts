/**
 * antd's Result (status pages with large inline illustrations, ≈ 6 KB gzip) as its own module, so
 * the pages that need it (route errors, 404, 403) load it on demand, not with the first route.
 */
export { Result } from 'antd';
