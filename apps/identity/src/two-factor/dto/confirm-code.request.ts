import { CodeField } from './code.field';

export class ConfirmCodeRequest {
  @CodeField()
  code: string;
}
