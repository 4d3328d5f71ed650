// The Content-Security-Policy of the interface, sent by both the Electron protocol handler and the
// browser-mode host. Nothing remote: every script, style, font and request stays on the app's own origin.
// 'unsafe-inline' for styles only, because antd's CSS-in-JS injects <style> elements at run time.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
