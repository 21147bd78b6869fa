import { Module } from '@nestjs/common';
import { IdentityClient } from './identity-client';
import { IdentitySyncOutbox } from './identity-sync-outbox';
import { IdentitySyncRelay } from './identity-sync-relay';
import { IdentitySyncRows } from './identity-sync-rows';

/**
 * What Identity must learn from the Wizard (the owner of an activated gym), through an outbox
 * table, so a committed change is never lost while Identity is down. Needs the app's
 * ConfigModule and TypeORM data source, and IdentitySyncEntry in its entities.
 */
@Module({
  providers: [IdentityClient, IdentitySyncRows, IdentitySyncRelay, IdentitySyncOutbox],
  exports: [IdentitySyncOutbox],
})
export class IdentitySyncModule {}
