/**
 * The page shell of the console: Vietnamese, one stylesheet served by the bot (no CDN: offices often have no
 * outside internet), no script at all (the Content-Security-Policy allows none), readable on a phone.
 */
import type { ConsoleSession } from './context.ts';
import { html, type SafeHtml } from './html.ts';

export type NavKey = 'dashboard' | 'tasks' | 'plans' | 'users' | 'reports';

const NAV: { key: NavKey; href: string; label: string }[] = [
  { key: 'dashboard', href: '/admin', label: 'Tổng quan' },
  { key: 'tasks', href: '/admin/tasks', label: 'Nhiệm vụ' },
  { key: 'plans', href: '/admin/plans', label: 'Kế hoạch' },
  { key: 'users', href: '/admin/users', label: 'Người dùng' },
  { key: 'reports', href: '/admin/reports', label: 'Báo cáo' },
];

export const STYLESHEET = '/admin/assets/console.css';

function shell(title: string, header: SafeHtml, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Trợ lý nhiệm vụ</title>
<link rel="stylesheet" href="${STYLESHEET}">
</head>
<body>
${header}
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.value;
}

/** A page of the signed-in console: the navigation, who is signed in, and the "sign out everywhere" form. */
export function page(options: {
  title: string;
  session: ConsoleSession;
  active: NavKey;
  body: SafeHtml;
}): string {
  const { session } = options;
  const nav = NAV.map(
    (item) =>
      html`<a href="${item.href}"${item.key === options.active ? html` aria-current="page"` : ''}>${item.label}</a>`,
  );
  const who = session.user.displayName ?? `Người dùng #${session.user.id}`;
  const header = html`<header>
<nav aria-label="Trang quản trị">${nav}</nav>
<div class="who">
<span>${who} · ${session.scope.name}${session.reach === 'own_unit' ? ' (chỉ xem)' : ''}</span>
<form method="post" action="/admin/logout-everywhere">
<input type="hidden" name="_csrf" value="${session.csrf}">
<button type="submit">Đăng xuất mọi nơi</button>
</form>
</div>
</header>`;
  return shell(options.title, header, options.body);
}

/** A page for someone without a session or right: the sign-in explanation, a refusal, a page not found. */
export function messagePage(title: string, lines: readonly string[], form?: SafeHtml): string {
  const header = html`<header><nav aria-label="Trang quản trị"><span>Trợ lý nhiệm vụ</span></nav></header>`;
  return shell(title, header, html`${lines.map((line) => html`<p>${line}</p>`)}${form ?? ''}`);
}
