import Resolver from '@forge/resolver';
import { success } from '../contract/envelope';

const resolver = new Resolver();

resolver.define('gadget/ping', () => success({ module: 'gadget' }));

export const gadgetResolver = resolver.getDefinitions();
