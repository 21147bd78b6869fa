import { Public } from '@app/common';
import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { StripeWebhookService, type WebhookReceipt } from './stripe-webhook.service';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

@ApiTags('webhooks')
@Controller('webhooks/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stripe events (signed); also reachable as /wizard/webhooks/stripe',
    description:
      'Bad or missing signature: 200, nothing done. Unhandled type: 200. Database failure: 500 so Stripe retries. A repeated event id: 200, skipped.',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ description: 'Received (processed, ignored, duplicate, or rejected)' })
  @ApiInternalServerErrorResponse({ description: 'Could not be stored; Stripe retries' })
  receive(
    @Req() request: FastifyRequest,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookReceipt> {
    return this.webhooks.receive(request.body, signature);
  }
}
