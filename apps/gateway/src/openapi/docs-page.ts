import type { OpenApiDocument, OpenApiOperation } from './openapi-document.js';

/** Everything interpolated into the page goes through here: schemas and texts are data, never markup. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 1.5rem;color:#1f2328}
h1{margin-bottom:.25rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2.5rem}
article{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
h3{margin:0;font-size:1rem;display:flex;gap:.5rem;align-items:center}
.method{font:600 .75rem monospace;padding:.15rem .5rem;border-radius:4px;color:#fff;background:#57606a}
.get{background:#0969da}.post{background:#1a7f37}.put,.patch{background:#9a6700}.delete{background:#cf222e}
.auth{margin-left:auto;font-size:.75rem;font-weight:500;color:#57606a}
pre{background:#f6f8fa;padding:.5rem .75rem;border-radius:4px;overflow:auto;font-size:.8rem}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;font-size:.85rem}
summary{cursor:pointer;color:#0969da}
`;

/** A self-contained HTML rendering of the OpenAPI document: no script, no CDN, readable offline. */
export function renderDocsPage(document: OpenApiDocument): string {
  const sections = document.tags.map(({ name }) => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.tags.includes(name))
        .map(([method, operation]) => renderOperation(method, path, operation)),
    );
    return `<section id="${escapeHtml(anchorOf(name))}"><h2>${escapeHtml(name)}</h2>${operations.join('')}</section>`;
  });
  const toc = document.tags.map(({ name }) => `<li><a href="#${escapeHtml(anchorOf(name))}">${escapeHtml(name)}</a></li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(document.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).
Authenticated endpoints take <code>Authorization: Bearer &lt;accessToken&gt;</code>.</p>
<nav><ul>${toc.join('')}</ul></nav>
${sections.join('\n')}
<section id="problem"><h2>Problem</h2><p>Every error answer (<code>application/problem+json</code>):</p>
${pre(document.components.schemas['Problem'])}</section>
</body></html>`;
}

function renderOperation(method: string, path: string, operation: OpenApiOperation): string {
  const parts = [
    `<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span><code>${escapeHtml(path)}</code>` +
      `<span class="auth">${escapeHtml(authLabel(operation['x-auth']))}</span></h3>`,
    `<p>${escapeHtml(operation.summary)}</p>`,
  ];
  if (operation.description) parts.push(`<p>${escapeHtml(operation.description)}</p>`);
  if (operation.parameters?.length) {
    const rows = operation.parameters.map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td>` +
        `<td>${p.required ? 'required' : 'optional'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
    );
    parts.push(`<table><tr><th>parameter</th><th>in</th><th></th><th>schema</th></tr>${rows.join('')}</table>`);
  }
  const body = operation.requestBody?.content['application/json'];
  if (body) parts.push(`<details open><summary>Request body</summary>${pre(body.schema)}</details>`);
  for (const [status, response] of Object.entries(operation.responses)) {
    if ('$ref' in response) continue;
    const content = Object.entries(response.content ?? {})[0];
    const label = `${status} ${response.description}${content ? ` (${content[0]})` : ''}`;
    parts.push(
      content ? `<details><summary>${escapeHtml(label)}</summary>${pre(content[1].schema)}</details>` : `<p>${escapeHtml(label)}</p>`,
    );
  }
  const problems = Object.entries(operation.responses)
    .filter(([, r]) => '$ref' in r)
    .map(([status]) => status);
  if (problems.length) parts.push(`<p>Errors (<a href="#problem">Problem</a>): ${escapeHtml(problems.join(', '))}</p>`);
  return `<article>${parts.join('')}</article>`;
}

function authLabel(auth: OpenApiOperation['x-auth']): string {
  return auth === 'public' ? 'public' : auth === 'admin' ? 'bearer token, admin role' : 'bearer token';
}

function anchorOf(tag: string): string {
  return `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function pre(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}
