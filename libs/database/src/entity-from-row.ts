import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row (snake_case columns, as `manager.query` gives them) into the entity, by the
 * entity's own column metadata: hot paths can skip the query builder and keep typed entities.
 */
export function entityFromRow<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  row: Record<string, unknown>,
): Entity {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as Entity;

  for (const column of metadata.columns) {
    if (column.databaseName in row) {
      column.setEntityValue(entity, row[column.databaseName]);
    }
  }

  return entity;
}
