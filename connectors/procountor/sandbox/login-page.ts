/**
 * The HTML of the sandbox's login page. Plain enough for a headless browser: inputs with the ids
 * and names `username` and `password`, a submit button `#login` (the default on Enter) and a
 * `#cancel` button. The OAuth parameters travel in hidden inputs, and the form posts to the
 * relative URL "login", so the page works under any path prefix the hub mounts the sandbox on.
 */
export interface LoginParams {
  response_type: string;
  client_id: string;
  redirect_uri: string;
  state: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const page = (title: string, body: string): string => `<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; background: #f3f5f8; display: grid; place-items: center; min-height: 100vh; margin: 0; }
main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px #0002; width: 22rem; }
label { display: block; margin-top: 1rem; } input[type=text], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
.error { color: #b00020; } .buttons { margin-top: 1.5rem; display: flex; gap: .5rem; } small { color: #666; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;

export function loginPage(params: LoginParams, error?: string): string {
  const hidden = (Object.keys(params) as (keyof LoginParams)[])
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params[name])}">`)
    .join('\n');
  return page(
    'Procountor – kirjaudu sisään',
    `<h1>Procountor</h1>
<p><small>Sandbox · sovellus <code>${escape(params.client_id)}</code> pyytää pääsyä tietoihisi.</small></p>
${error ? `<p class="error" role="alert" id="error">${escape(error)}</p>` : ''}
<form method="post" action="login">
${hidden}
<label for="username">Käyttäjätunnus / Username</label>
<input type="text" id="username" name="username" autocomplete="username" required>
<label for="password">Salasana / Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="buttons">
<button type="submit" id="login" name="action" value="login">Kirjaudu / Log in</button>
<button type="submit" id="cancel" name="action" value="cancel" formnovalidate>Peruuta / Cancel</button>
</div>
</form>`,
  );
}

/** Shown instead of the form when the request cannot be redirected back safely. */
export const loginErrorPage = (message: string): string =>
  page('Procountor – virhe', `<h1>Procountor</h1><p class="error" role="alert" id="error">${escape(message)}</p>`);
