import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { TokenPairDto } from './auth.dto';
import { SessionsRepository } from './sessions.repository';

/** The access token's claims: the user, the login (refresh-token family) and the type. */
export interface AccessTokenPayload {
  sub: string;
  sid: string;
  typ: 'access';
}

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues token pairs: a new login once every factor is passed, or the next pair of a login. */
@Injectable()
export class Sessions {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly tokens: SessionsRepository,
  ) {}

  /** Starts a new login (a new refresh-token family) for a user who has passed every factor. */
  start(manager: EntityManager, userId: string): Promise<TokenPairDto> {
    return this.issue(manager, userId, randomUUID());
  }

  async issue(manager: EntityManager, userId: string, familyId: string): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert(manager, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      ttlSeconds: this.config.jwt.refreshTtlSeconds,
    });
    const payload: AccessTokenPayload = { sub: userId, sid: familyId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.jwt.accessTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds };
  }
}
