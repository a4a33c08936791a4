import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ApiProblems, TooManyRequestsError } from '@app/http';
import { SignInThrottleRepository } from './sign-in-throttle.repository';

const SIGN_IN_THROTTLE = 'identity:sign-in-throttle';
export const SIGN_IN_WINDOW_SECONDS = 60;

/**
 * Marks a sign-in route (login, refresh, setup-code redemption): every attempt on it counts
 * against the client address's budget (`SIGN_IN_RATE_LIMIT_PER_MINUTE`), shared by all sign-in
 * routes and all API instances. Over budget: 429 with `Retry-After`. Nothing else is throttled
 * per address; a wrong password is limited per account by the lockout (AuthService.login).
 */
export const SignInThrottle = () =>
  applyDecorators(
    SetMetadata(SIGN_IN_THROTTLE, true),
    ApiExtension('x-sign-in-throttle', 'per client address'),
    ApiProblems(429),
  );

/** What one bump of an address's counter says. */
export interface SlidingCount {
  /** Attempts in the current window, this one included. */
  current: number;
  /** Attempts in the window before. */
  previous: number;
  /** Seconds since the current window began. */
  elapsed: number;
}

/**
 * A sliding-window estimate over two fixed windows: the previous window's attempts weighted by
 * how much of it still lies within the last minute, plus the current window's. It has no burst
 * at a window edge (a fixed window would allow twice the budget across one) and needs one row
 * per address and minute. Returns the seconds to wait, or 0 when the attempt may go ahead.
 */
export function secondsToWait(count: SlidingCount, budget: number, window = SIGN_IN_WINDOW_SECONDS): number {
  const weight = Math.max(0, 1 - count.elapsed / window);
  if (count.previous * weight + count.current <= budget) return 0;
  // The current window alone is over budget: wait for the next one.
  if (count.current >= budget) return Math.max(1, Math.ceil(window - count.elapsed));
  // Otherwise until the previous window's share has shrunk enough for one more attempt.
  const enoughAt = window * (1 - (budget - count.current) / count.previous);
  return Math.max(1, Math.ceil(enoughAt - count.elapsed));
}

/**
 * Global guard (registered by IdentityModule) that acts only on routes marked @SignInThrottle().
 * Global guards run before route guards, so the count is taken before passport checks a
 * password. The counter lives in PostgreSQL (`sign_in_throttle`), so several instances behind a
 * load balancer share it; the client address is `req.ip`, i.e. the forwarded one only when
 * TRUST_PROXY names the balancer.
 */
@Injectable()
export class SignInThrottleGuard implements CanActivate {
  /** When this instance last removed old windows (each instance at most once a window). */
  private lastCleanup = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly counters: SignInThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.reflector.get<boolean>(SIGN_IN_THROTTLE, context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const count = await this.bump(`address:${address}`);
    await this.cleanUp();
    const wait = secondsToWait(count, this.config.signInRateLimitPerMinute);
    if (wait > 0) {
      throw new TooManyRequestsError('Too many sign-in attempts from your network. Please wait a moment.', wait);
    }
    return true;
  }

  /** Counts one attempt, atomically (an upsert), and reads the window before. */
  private async bump(bucket: string): Promise<SlidingCount> {
    const row = await this.counters.bump(bucket, SIGN_IN_WINDOW_SECONDS);
    return { current: Number(row.current), previous: Number(row.previous), elapsed: Number(row.elapsed) };
  }

  /** Windows older than the one before the current are never read again. */
  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < SIGN_IN_WINDOW_SECONDS * 1000) return;
    this.lastCleanup = Date.now();
    await this.counters.removeOlderThan(2 * SIGN_IN_WINDOW_SECONDS);
  }
}
