import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { DashboardAssets } from './dashboard-assets';
import { DASHBOARD_HTML } from './dashboard-page';

export const DASHBOARD_ASSETS = Symbol('DASHBOARD_ASSETS');

/**
 * The dashboard page and its scripts, public: they hold no data, every data call sends the API key. The policy lets
 * the page load only its own scripts and talk only to this origin, so an injected string cannot run or send the key
 * elsewhere; inline styles stay allowed (uPlot positions its elements with them).
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

@ApiExcludeController()
@Controller()
export class DashboardPageController {
  constructor(@Inject(DASHBOARD_ASSETS) private readonly assets: DashboardAssets) {}

  @Get(['', 'dashboard'])
  @Public()
  page(@Res() response: Response): void {
    response
      .set({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' })
      .type('html')
      .send(DASHBOARD_HTML);
  }

  @Get('dashboard/vendor/:file')
  @Public()
  vendor(@Param('file') file: string, @Res() response: Response): void {
    this.send(response, this.assets.vendor(file), 'public, max-age=86400');
  }

  @Get('dashboard/:file')
  @Public()
  script(@Param('file') file: string, @Res() response: Response): void {
    if (!this.assets.webDir) throw new NotFoundException('Dashboard scripts are not built: run npm run build');
    // Revalidated on every load (ETag), so a new build is picked up at once.
    this.send(response, this.assets.script(file), 'no-cache');
  }

  private send(response: Response, path: string | null, cacheControl: string): void {
    if (!path) throw new NotFoundException('No such dashboard file');
    response.sendFile(path, { headers: { ...SECURITY_HEADERS, 'Cache-Control': cacheControl } }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, message: 'Not Found' });
    });
  }
}
