import { ApiProperty } from '@nestjs/swagger';

export class CheckoutView {
  @ApiProperty({ example: 'cs_test_a1b2c3' })
  sessionId: string;

  @ApiProperty({ description: 'Send the owner here to pay' })
  url: string;
}
