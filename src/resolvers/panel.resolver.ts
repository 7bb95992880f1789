import Resolver from '@forge/resolver';
import { success } from '../contract/envelope';

const resolver = new Resolver();

resolver.define('panel/ping', () => success({ module: 'panel' }));

export const panelResolver = resolver.getDefinitions();
