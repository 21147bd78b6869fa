import { Injectable } from '@nestjs/common';
import { ipKey } from '../abuse/ip-key';
import type { EntityManager } from 'typeorm';
import { DailyCounters } from './daily-counters';
import type { ChallengePurpose } from './two-factor-challenge.entity';
import { TwoFactorSettings } from './two-factor.settings';
import { dailyCapReached } from './too-many-requests';
import { VerificationCodes } from './verification-codes';

export interface SmsSendRequest {
  purpose: ChallengePurpose;
  userId: string;
  /** E.164. */
  phone: string;
  /** ISO 3166-1 alpha-2 of the number. */
  country: string;
  ip: string | null;
}

interface Cap {
  scope: string;
  key: string;
  limit: number;
  refusal: string;
}

const TOMORROW = 'try again tomorrow (UTC)';

/**
 * The daily caps against SMS pumping, checked before each code goes out: per number, per user,
 * per IP, per country, and a tighter one per user on codes to unverified numbers (enabling).
 * All are taken in the caller's transaction: when one refuses, the others count nothing.
 */
@Injectable()
export class SmsSendCaps {
  constructor(
    private readonly counters: DailyCounters,
    private readonly settings: TwoFactorSettings,
    private readonly codes: VerificationCodes,
  ) {}

  async reserve(manager: EntityManager, request: SmsSendRequest): Promise<void> {
    // Always in this order, so two transactions never wait on each other's rows in a cycle.
    for (const cap of this.capsFor(request)) {
      if (!(await this.counters.tryHit(manager, cap.scope, cap.key, cap.limit))) {
        throw dailyCapReached(cap.refusal);
      }
    }
  }

  private capsFor(request: SmsSendRequest): Cap[] {
    const { caps } = this.settings;
    const list: Cap[] = [];
    if (request.purpose === 'enable') {
      list.push({
        scope: 'enable-user',
        key: request.userId,
        limit: caps.enablePerUser,
        refusal: `Too many codes to new numbers for this account today; ${TOMORROW}.`,
      });
    }
    list.push(
      {
        scope: 'user',
        key: request.userId,
        limit: caps.perUser,
        refusal: `Too many codes for this account today; ${TOMORROW}.`,
      },
      {
        scope: 'phone',
        key: this.codes.pseudonym('phone', request.phone),
        limit: caps.perNumber,
        refusal: `Too many codes sent to this number today; ${TOMORROW}.`,
      },
    );
    if (request.ip) {
      list.push({
        scope: 'ip',
        key: this.codes.pseudonym('ip', ipKey(request.ip)),
        limit: caps.perIp,
        refusal: `Too many codes requested from this network today; ${TOMORROW}.`,
      });
    }
    list.push({
      scope: 'country',
      key: request.country,
      limit: caps.perCountry,
      refusal: `Codes to numbers in ${request.country} have reached today's limit; ${TOMORROW}.`,
    });

    return list;
  }
}
