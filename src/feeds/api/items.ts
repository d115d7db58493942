/** The `items` feed: 事项 service items with their statutory and committed limits. */
import { parseServiceItem, type ServiceItem } from '../schemas/service-item';
import { useFeedResource, type ResourceSpec } from './sync';

export const itemsSpec: ResourceSpec<ServiceItem> = {
  resource: 'items',
  path: '/items',
  parseOne: parseServiceItem,
  idOf: (record) => record.code,
};

/** All validated service items, kept fresh incrementally. */
export function useItemsFeed() {
  return useFeedResource(itemsSpec);
}
