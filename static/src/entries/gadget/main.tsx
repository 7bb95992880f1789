import { boot } from '../../shared/boot';
import { GadgetApp } from '../../features/gadget/gadget-app';

void boot(<GadgetApp />);
