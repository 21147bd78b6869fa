export * from './database.module';
export * from './database.options';
export * from './embedded-postgres';
export * from './migrate';
export * from './entity-from-row';
export * from './prepared-statement';
