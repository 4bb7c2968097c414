import path from 'node:path';
import { REPO_ROOT } from '../../core/i18n';

/**
 * Where the web chat lives, declared once. Everything is under /web except the page itself at `/`, so the
 * chat cannot collide with other channels' endpoints (Teams uses /api/messages).
 */
export const WEB_PATHS = {
  page: '/',
  static: '/web/static',
  api: '/web/api',
  /** Sign-in, its callback and sign-out (the console with OpenID Connect). */
  auth: '/web/auth',
  /** The content owners' pages (communications role, administrators; sign-in only). */
  content: '/web/content',
} as const;

/** Routes of the sign-in, relative to WEB_PATHS.auth. */
export const AUTH = {
  login: '/login',
  callback: '/callback',
  logout: '/logout',
  /** Where the provider sends the browser after signing out there (post_logout_redirect_uri). */
  signedOut: '/signed-out',
} as const;

/** API routes, relative to WEB_PATHS.api. */
export const API = {
  people: '/people',
  texts: '/texts/:lang',
  messages: '/messages',
  feedback: '/feedback',
  inbox: '/inbox',
  reports: '/reports',
  report: '/reports/:reference',
  reportAction: '/reports/:reference/actions',
  events: '/events',
  export: '/export',
} as const;

/**
 * Files of the page. tsc does not copy non-TypeScript files into dist/, so they are read from the
 * repository (REPO_ROOT) whether the code runs from src/ or dist/.
 */
export const WEB_DIR = path.join(REPO_ROOT, 'src', 'adapters', 'web');
export const PUBLIC_DIR = path.join(WEB_DIR, 'public');
export const PAGE_TEMPLATE = path.join(WEB_DIR, 'templates', 'page.html');
export const NOTICE_TEMPLATE = path.join(WEB_DIR, 'templates', 'notice.html');
