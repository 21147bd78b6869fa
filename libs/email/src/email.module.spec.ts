import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConsoleEmailService } from './adapters/console/console-email.service';
import { MailjetEmailService } from './adapters/mailjet/mailjet-email.service';
import { SmtpEmailService } from './adapters/smtp/smtp-email.service';
import { EMAIL_SERVICE, IEmailService, InjectEmailService } from './email.interface';
import { EmailModule } from './email.module';
import { EmailModuleOptions } from './email.options';

const from = { email: 'noreply@gym.example.test', name: 'Gym Platform' };

@Injectable()
class Greeter {
  constructor(@InjectEmailService() readonly email: IEmailService) {}
}

async function serviceFor(options: EmailModuleOptions): Promise<IEmailService> {
  const moduleRef = await Test.createTestingModule({
    imports: [EmailModule.forRoot(options)],
  }).compile();
  const service = moduleRef.get<IEmailService>(EMAIL_SERVICE);
  await moduleRef.close();

  return service;
}

describe('EmailModule', () => {
  it('binds the console adapter', async () => {
    await expect(serviceFor({ provider: 'console', from })).resolves.toBeInstanceOf(
      ConsoleEmailService,
    );
  });

  it('binds the Mailjet adapter', async () => {
    const service = await serviceFor({
      provider: 'mailjet',
      from,
      mailjet: { apiKey: 'key', apiSecret: 'secret', baseUrl: 'http://127.0.0.1:9' },
    });

    expect(service).toBeInstanceOf(MailjetEmailService);
  });

  it('binds the SMTP adapter', async () => {
    const service = await serviceFor({
      provider: 'smtp',
      from,
      smtp: { url: 'smtp://127.0.0.1:1025' },
    });

    expect(service).toBeInstanceOf(SmtpEmailService);
  });

  it('builds from forRootAsync and exports the token to importing modules', async () => {
    @Module({
      imports: [
        EmailModule.forRootAsync({
          useFactory: async (): Promise<EmailModuleOptions> => ({ provider: 'console', from }),
        }),
      ],
      providers: [Greeter],
    })
    class FeatureModule {}

    const moduleRef = await Test.createTestingModule({ imports: [FeatureModule] }).compile();

    expect(moduleRef.get(Greeter).email).toBeInstanceOf(ConsoleEmailService);
    await moduleRef.close();
  });

  it("stops the start when the chosen provider's options are missing", async () => {
    const compiling = serviceFor({ provider: 'mailjet', from, smtp: { url: 'smtp://x' } });

    await expect(compiling).rejects.toThrow('provider "mailjet" needs mailjet.apiKey');
  });

  it('names every bad option without quoting a value', async () => {
    const compiling = serviceFor({
      provider: 'smtp',
      from: { email: '', name: 'Gym' },
      smtp: { url: 'smtp://user:hunter2@127.0.0.1:25', timeoutMs: -1 },
    });

    await expect(compiling).rejects.toThrow(
      'EmailModule options are invalid:\n  from.email is required\n' +
        '  smtp.timeoutMs must be a positive integer',
    );
  });

  it('refuses an unknown provider', async () => {
    const options = { provider: 'pigeon', from } as unknown as EmailModuleOptions;

    await expect(serviceFor(options)).rejects.toThrow(
      'provider must be one of mailjet, smtp, console',
    );
  });
});
