import { ApiProperty } from '@nestjs/swagger';

export class PasswordResetAcceptedResponse {
  @ApiProperty({
    example: 'If an account has this email, a link to reset its password is on its way.',
  })
  message: string;
}

/** One body for every email: it must not tell which ones have an account. */
export const PASSWORD_RESET_ACCEPTED: PasswordResetAcceptedResponse = {
  message: 'If an account has this email, a link to reset its password is on its way.',
};
