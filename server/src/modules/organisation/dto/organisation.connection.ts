import { connectionTypes } from '../../../common/graphql/pagination.js';
import { Organisation } from '../organisation.entity.js';

export const { ConnectionType: OrganisationConnection } = connectionTypes(Organisation, 'Organisation', 'organisation');
