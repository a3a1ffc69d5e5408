import { Controller, Header, Inject } from '@nestjs/common';
import { z } from 'zod';
import { Endpoint } from '../http/endpoint.decorator.js';
import { renderDocsPage } from './docs-page.js';
import { OPENAPI_DOCUMENT, type OpenApiDocument } from './openapi-document.js';

const tag = 'Operations';

@Controller()
export class OpenApiController {
  /** Rendered once: the document cannot change while the process runs. */
  private readonly page: string;

  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: OpenApiDocument) {
    this.page = renderDocsPage(document);
  }

  @Endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    tag,
    auth: 'public',
    status: 200,
    summary: 'This OpenAPI 3.1 document',
    response: z.record(z.string(), z.unknown()),
    errors: [],
  })
  openApi(): OpenApiDocument {
    return this.document;
  }

  @Endpoint({
    method: 'GET',
    path: '/api/docs',
    tag,
    auth: 'public',
    status: 200,
    summary: 'The API documentation as a web page',
    produces: 'text/html',
    errors: [],
  })
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return this.page;
  }
}
