import Resolver from '@forge/resolver';
import { success } from '../contract/envelope';

const resolver = new Resolver();

resolver.define('admin/ping', () => success({ module: 'admin' }));

export const adminResolver = resolver.getDefinitions();
