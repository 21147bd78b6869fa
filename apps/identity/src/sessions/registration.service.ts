import { Injectable } from '@nestjs/common';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { User } from '../users/user.entity';
import { NewUser, UsersService } from '../users/users.service';
import { SignInLimits } from './sign-in-limits';

/** Sign-up through the API, under the registration limits. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly users: UsersService,
    private readonly limits: SignInLimits,
    private readonly events: SecurityEvents,
  ) {}

  async register(input: NewUser, origin: RequestOrigin): Promise<User> {
    await this.limits.consumeRegistration(input.email, origin);

    const user = await this.users.register(input);
    this.events.record({ event: 'account.registered', userId: user.id, email: user.email, origin });

    return user;
  }
}
