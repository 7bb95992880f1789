import { installFakeBridge } from './fake-bridge';

installFakeBridge();
