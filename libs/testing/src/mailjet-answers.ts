import { randomInt, randomUUID } from 'node:crypto';

type Fields = Record<string, unknown>;

const FIRST_UNSAFE_ID = 1152921504606846976n;

/**
 * The Send API v3.1 success answer for a request body, as JSON text. MessageID is written as
 * a bare number above 2^53, as Mailjet does, so a client that reads it as a number loses digits.
 */
export function mailjetSendSuccessText(requestBody: unknown): string {
  const messages = listOf(isFields(requestBody) ? requestBody.Messages : undefined);
  const answer = {
    Messages: messages.map((message) => ({
      Status: 'success',
      CustomID: typeof message.CustomID === 'string' ? message.CustomID : '',
      To: listOf(message.To).map((recipient) => {
        const messageId = String(FIRST_UNSAFE_ID + BigInt(randomInt(1_000_000_000)));

        return {
          Email: recipient.Email,
          MessageUUID: randomUUID(),
          MessageID: `@big:${messageId}`,
          MessageHref: `https://api.mailjet.com/v3/REST/message/${messageId}`,
        };
      }),
      Cc: [],
      Bcc: [],
    })),
  };

  return JSON.stringify(answer).replace(/"@big:(\d+)"/g, '$1');
}

/** A per-message rejection as Mailjet words it, for a 200 or a 400 answer. */
export function mailjetMessageErrorAnswer(error: {
  StatusCode: number;
  ErrorMessage: string;
  ErrorCode?: string;
  ErrorRelatedTo?: string[];
}): Fields {
  return {
    Messages: [
      {
        Status: 'error',
        Errors: [
          {
            ErrorIdentifier: randomUUID(),
            ErrorCode: error.ErrorCode ?? 'mj-0013',
            StatusCode: error.StatusCode,
            ErrorMessage: error.ErrorMessage,
            ErrorRelatedTo: error.ErrorRelatedTo ?? ['To[0].Email'],
          },
        ],
      },
    ],
  };
}

/** Mailjet's answer shape for a request it refused as a whole (401, 429, 5xx ...). */
export function mailjetRequestErrorAnswer(statusCode: number, errorMessage: string): Fields {
  return { ErrorIdentifier: randomUUID(), StatusCode: statusCode, ErrorMessage: errorMessage };
}

function listOf(value: unknown): Fields[] {
  return Array.isArray(value) ? value.filter(isFields) : [];
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
