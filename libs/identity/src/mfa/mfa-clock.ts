import { Injectable } from '@nestjs/common';

/** The time TOTP codes are checked against; tests set `now` to step through time. */
@Injectable()
export class MfaClock {
  now(): number {
    return Date.now();
  }
}
